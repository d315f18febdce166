import { z } from 'zod';
import { form06RowSchema } from '../statistics/form06.ts';
import { civilDateSchema } from './common.ts';

/** Answers of the statistics: Biểu số 06/VPCP/KSTT (GET /api/v1/reports/06). */

const { field: _field, fieldName: _fieldName, ...numberShape } = form06RowSchema.shape;

/** The report as JSON; the same request with `format=xlsx` or `pdf` answers the official layout. */
export const report06Response = z.strictObject({
  agency: z.strictObject({ id: z.uuid(), name: z.string() }),
  unit: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  field: z.string().nullable(),
  from: civilDateSchema,
  to: civilDateSchema,
  rows: z.array(form06RowSchema),
  totals: z.strictObject(numberShape),
  /** Invariants a row breaks (always empty while the counters are sound). */
  problems: z.array(z.strictObject({ field: z.string(), rule: z.string() })),
});
export type Report06 = z.infer<typeof report06Response>;
export type Report06Numbers = Report06['totals'];
