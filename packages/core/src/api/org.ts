import { z } from 'zod';
import { UNIT_KINDS } from '../org/roles.ts';
import { civilDateSchema, itemsOf } from './common.ts';

/** Answers of the organisation administration (cơ cấu tổ chức). */

export const unitSchema = z.strictObject({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  agencyId: z.uuid().nullable(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  effectiveFrom: civilDateSchema,
  effectiveTo: civilDateSchema.nullable(),
  successorId: z.uuid().nullable(),
  /** In force today (not yet closed). */
  active: z.boolean(),
});
export const unitListSchema = itemsOf(unitSchema);

export type Unit = z.infer<typeof unitSchema>;
