import {
  PLAN_FIRST_YEAR,
  PLAN_LAST_YEAR,
  PLAN_STATUSES,
  planContentSchema,
  REFORM_AREAS,
  TARGET_COMPARATORS,
  TARGET_MEASURES,
  TARGET_STATUSES,
  TASK_SOURCES,
  TASK_STANDINGS,
  TASK_STATES,
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

// ---- Responses ----

export const planSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  year: z.number(),
  status: z.enum(PLAN_STATUSES),
  title: z.string(),
  basis: z.string(),
  purposes: z.array(z.string()),
  requirements: z.array(z.string()),
  copiedFrom: z.uuid().nullable(),
  version: z.number(),
  issuedAt: z.string().nullable(),
});

const point = z.object({
  month: z.number(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
});
export const targetSchema = z.object({
  id: z.uuid(),
  position: z.number(),
  title: z.string(),
  measure: z.enum(TARGET_MEASURES),
  comparator: z.enum(TARGET_COMPARATORS),
  value: z.number(),
  version: z.number(),
  standing: z.object({
    current: z.number().nullable(),
    projection: z.number().nullable(),
    status: z.enum(TARGET_STATUSES),
    trend: z.array(point),
  }),
  reports: z.array(
    z.object({
      id: z.uuid(),
      month: z.number(),
      value: z.number(),
      note: z.string(),
      filename: z.string().nullable(),
      reportedBy: z.string().nullable(),
      reportedAt: z.string(),
    }),
  ),
});

export const planDetailSchema = z.object({
  plan: planSchema,
  targets: z.array(targetSchema),
  canManage: z.boolean(),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const taskSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  area: z.enum(REFORM_AREAS),
  title: z.string(),
  description: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  deadline: z.string(),
  dueOn: z.string(),
  source: z.enum(TASK_SOURCES),
  sourceNumber: z.string().nullable(),
  sourceDate: z.string().nullable(),
  inspectionId: z.uuid().nullable(),
  state: z.enum(TASK_STATES),
  progress: z.number(),
  doneAt: z.string().nullable(),
  version: z.number(),
  standing: z.enum(TASK_STANDINGS),
  behind: z.boolean(),
});

export const taskDetailSchema = z.object({
  task: taskSchema,
  canReport: z.boolean(),
  canManage: z.boolean(),
  reports: z.array(
    z.object({
      id: z.uuid(),
      at: z.string(),
      by: z.string().nullable(),
      progress: z.number(),
      note: z.string(),
      filename: z.string().nullable(),
    }),
  ),
});

export const standingSchema = z.object({
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      total: z.number(),
      done: z.number(),
      doneOnTime: z.number(),
      overdue: z.number(),
      completionRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
    }),
  ),
  behind: z.array(taskSchema),
});

export const inspectionListSchema = z.object({
  unitCount: z.number(),
  listedShare: z.number().nullable(),
  minimumShare: z.number(),
  inspections: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      plannedOn: z.string(),
      doneOn: z.string().nullable(),
      conclusion: z.string(),
      version: z.number(),
      findings: z.array(z.object({ id: z.uuid(), text: z.string(), remedyTaskId: z.uuid().nullable() })),
    }),
  ),
});

export const createdSchema = z.object({ id: z.uuid() });
