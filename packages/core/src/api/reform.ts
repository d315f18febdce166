import { z } from 'zod';
import { PLAN_STATUSES, REFORM_AREAS } from '../reform/plan.ts';
import { TARGET_COMPARATORS, TARGET_MEASURES, TARGET_STATUSES } from '../reform/targets.ts';
import { TASK_SOURCES, TASK_STANDINGS, TASK_STATES } from '../reform/tasks.ts';

/**
 * Answers of /api/v1/reform (cải cách hành chính): the year's plan and its targets with their
 * standing, the tasks and their progress, the inspections. The server computes every figure.
 */

export const reformPlanSchema = z.strictObject({
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

const point = z.strictObject({
  month: z.number(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
});
export const reformTargetSchema = z.strictObject({
  id: z.uuid(),
  planId: z.uuid(),
  agencyId: z.uuid(),
  position: z.number(),
  title: z.string(),
  measure: z.enum(TARGET_MEASURES),
  comparator: z.enum(TARGET_COMPARATORS),
  value: z.number(),
  version: z.number(),
  standing: z.strictObject({
    current: z.number().nullable(),
    projection: z.number().nullable(),
    status: z.enum(TARGET_STATUSES),
    trend: z.array(point),
  }),
  reports: z.array(
    z.strictObject({
      id: z.uuid(),
      targetId: z.uuid(),
      month: z.number(),
      value: z.number(),
      note: z.string(),
      /** The evidence file's content hash and name, when one was attached. */
      sha256: z.string().nullable(),
      filename: z.string().nullable(),
      reportedBy: z.string().nullable(),
      reportedAt: z.string(),
    }),
  ),
});

export const reformPlanDetailSchema = z.strictObject({
  plan: reformPlanSchema,
  targets: z.array(reformTargetSchema),
  canManage: z.boolean(),
  units: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
});

export const reformTaskSchema = z.strictObject({
  id: z.uuid(),
  planId: z.uuid(),
  agencyId: z.uuid(),
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

export const reformTaskDetailSchema = z.strictObject({
  task: reformTaskSchema,
  canReport: z.boolean(),
  canManage: z.boolean(),
  reports: z.array(
    z.strictObject({
      id: z.uuid(),
      at: z.string(),
      by: z.string().nullable(),
      /** The attachment's content hash, when one was attached. */
      sha256: z.string().nullable(),
      progress: z.number(),
      note: z.string(),
      filename: z.string().nullable(),
    }),
  ),
});

export const reformStandingSchema = z.strictObject({
  units: z.array(
    z.strictObject({
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
  behind: z.array(reformTaskSchema),
});

export const reformInspectionListSchema = z.strictObject({
  unitCount: z.number(),
  listedShare: z.number().nullable(),
  minimumShare: z.number(),
  inspections: z.array(
    z.strictObject({
      id: z.uuid(),
      agencyId: z.uuid(),
      planId: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      plannedOn: z.string(),
      doneOn: z.string().nullable(),
      conclusion: z.string(),
      version: z.number(),
      findings: z.array(
        z.strictObject({ id: z.uuid(), text: z.string(), remedyTaskId: z.uuid().nullable() }),
      ),
    }),
  ),
});

/** A finding recorded with the remedial task it opened. */
export const reformFindingCreatedResponse = z.strictObject({ findingId: z.uuid(), taskId: z.uuid() });
export const reformPlanListResponse = z.strictObject({ items: z.array(reformPlanSchema) });
export const reformTaskListResponse = z.strictObject({ items: z.array(reformTaskSchema) });
/** How many reminders of tasks near or past their deadline were written. */
export const reformRemindersResponse = z.strictObject({ written: z.number() });

export type ReformPlan = z.infer<typeof reformPlanSchema>;
export type ReformTarget = z.infer<typeof reformTargetSchema>;
export type ReformPlanDetail = z.infer<typeof reformPlanDetailSchema>;
export type ReformTask = z.infer<typeof reformTaskSchema>;
export type ReformTaskDetail = z.infer<typeof reformTaskDetailSchema>;
export type ReformStanding = z.infer<typeof reformStandingSchema>;
export type ReformInspectionList = z.infer<typeof reformInspectionListSchema>;
