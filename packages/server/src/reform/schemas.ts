import {
  PLAN_FIRST_YEAR,
  PLAN_LAST_YEAR,
  planContentSchema,
  REFORM_AREAS,
  TARGET_COMPARATORS,
  TARGET_MEASURES,
} from '@motcua/core';
import { z } from 'zod';
import { Problem } from '../http/problem.ts';

/** Request and response schemas of /api/v1/reform. */

export const idParams = z.object({ id: z.uuid() });
const isoDate = z.iso.date();
const version = z.number().int().min(1);

export const planCreateBody = z.strictObject({
  /** Default: the agency the user is the reform officer of. */
  agencyId: z.uuid().optional(),
  year: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR),
  content: planContentSchema,
});
export const planCopyBody = z.strictObject({
  year: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR),
});
export const planUpdateBody = z.strictObject({ version, content: planContentSchema });
export const versionBody = z.strictObject({ version });

export const targetBody = z.strictObject({
  title: z.string().trim().min(3).max(500),
  measure: z.enum(TARGET_MEASURES),
  comparator: z.enum(TARGET_COMPARATORS).default('at_least'),
  value: z.number().min(0).max(1_000_000),
});
export const targetUpdateBody = targetBody.extend({ version });

/** A figure reported by hand, sent as multipart fields with the evidence file. */
export const targetReportFields = z.object({
  month: z.coerce.number().int().min(1).max(12),
  value: z.coerce.number().min(0).max(1_000_000),
  note: z.string().trim().max(4000).default(''),
});

export const taskBody = z.strictObject({
  area: z.enum(REFORM_AREAS),
  title: z.string().trim().min(3).max(500),
  description: z.string().trim().max(4000).default(''),
  unitId: z.uuid(),
  assigneeId: z.uuid().nullable().default(null),
  deadline: isoDate,
  source: z.enum(['plan', 'province']).default('plan'),
  sourceNumber: z.string().trim().min(1).max(100).nullable().default(null),
  sourceDate: isoDate.nullable().default(null),
});
export const taskUpdateBody = taskBody.extend({ version });

export const taskReportFields = z.object({
  version: z.coerce.number().int().min(1),
  progress: z.coerce.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(4000),
  done: z.enum(['true', 'false']).default('false'),
});

export const inspectionBody = z.strictObject({ unitId: z.uuid(), plannedOn: isoDate });
export const inspectionRecordBody = z.strictObject({
  version,
  doneOn: isoDate.nullable(),
  conclusion: z.string().trim().max(4000).default(''),
});
export const findingBody = z.strictObject({
  text: z.string().trim().min(3).max(4000),
  remedy: z.strictObject({
    title: z.string().trim().min(3).max(500),
    unitId: z.uuid().optional(),
    assigneeId: z.uuid().nullable().default(null),
    deadline: isoDate,
  }),
});

/** Multipart fields parsed by a schema, with the same 422 and field messages as JSON bodies. */
export function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const result = schema.safeParse(fields);
  if (!result.success) throw new Problem(422, 'validation_failed', {}, undefined, result.error.issues);
  return result.data;
}
