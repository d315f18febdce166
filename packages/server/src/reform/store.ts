import {
  type CatalogueVersion,
  type PlanContent,
  type PlanStatus,
  procedureContentSchema,
  publishProblems,
  type ReformArea,
  type TargetComparator,
  type TargetMeasure,
  type TaskSource,
  type TaskState,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the reform office's work: plans, targets, tasks, reports, inspections. */

export interface PlanRecord extends PlanContent {
  id: string;
  agencyId: string;
  year: number;
  status: PlanStatus;
  copiedFrom: string | null;
  version: number;
  issuedAt: string | null;
}

const PLAN_COLUMNS = `id, agency_id, year, status, title, basis, purposes, requirements, copied_from, version, issued_at`;
type PlanRow = {
  id: string;
  agency_id: string;
  year: number;
  status: PlanStatus;
  title: string;
  basis: string;
  purposes: string[];
  requirements: string[];
  copied_from: string | null;
  version: number;
  issued_at: Date | null;
};
const toPlan = (r: PlanRow): PlanRecord => ({
  id: r.id,
  agencyId: r.agency_id,
  year: r.year,
  status: r.status,
  title: r.title,
  basis: r.basis,
  purposes: r.purposes,
  requirements: r.requirements,
  copiedFrom: r.copied_from,
  version: r.version,
  issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null,
});

export async function loadPlan(db: Queryable, id: string, lock = false): Promise<PlanRecord | null> {
  const [row] = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM reform_plan WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? toPlan(row) : null;
}

export async function listPlans(db: Queryable, agencyIds: readonly string[], drafts: ReadonlySet<string>) {
  const rows = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM reform_plan WHERE agency_id = ANY($1::uuid[]) ORDER BY year DESC`,
    [agencyIds],
  );
  return rows.map(toPlan).filter((p) => p.status === 'issued' || drafts.has(p.agencyId));
}

export async function planOfYear(db: Queryable, agencyId: string, year: number): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    'SELECT id FROM reform_plan WHERE agency_id = $1 AND year = $2',
    [agencyId, year],
  );
  return row?.id ?? null;
}

export async function insertPlan(
  db: Queryable,
  p: {
    id: string;
    agencyId: string;
    year: number;
    content: PlanContent;
    copiedFrom: string | null;
    by: string | null;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO reform_plan (id, agency_id, year, status, title, basis, purposes, requirements, copied_from, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $10)`,
    [
      p.id,
      p.agencyId,
      p.year,
      p.content.title,
      p.content.basis,
      JSON.stringify(p.content.purposes),
      JSON.stringify(p.content.requirements),
      p.copiedFrom,
      p.by,
      p.now,
    ],
  );
}

export async function updatePlan(db: Queryable, id: string, content: PlanContent, now: Date) {
  await db.query(
    `UPDATE reform_plan SET title = $2, basis = $3, purposes = $4, requirements = $5, version = version + 1, updated_at = $6
      WHERE id = $1`,
    [
      id,
      content.title,
      content.basis,
      JSON.stringify(content.purposes),
      JSON.stringify(content.requirements),
      now,
    ],
  );
}

export async function issuePlan(db: Queryable, id: string, now: Date) {
  await db.query(
    `UPDATE reform_plan SET status = 'issued', issued_at = $2, version = version + 1, updated_at = $2 WHERE id = $1`,
    [id, now],
  );
}

// ---- Targets ----

export interface TargetRecord {
  id: string;
  planId: string;
  agencyId: string;
  position: number;
  title: string;
  measure: TargetMeasure;
  comparator: TargetComparator;
  value: number;
  version: number;
}

const TARGET_COLUMNS =
  'id, plan_id, agency_id, position, title, measure, comparator, value::float8 AS value, version';
type TargetRow = Omit<TargetRecord, 'planId' | 'agencyId'> & { plan_id: string; agency_id: string };
const toTarget = ({ plan_id, agency_id, ...r }: TargetRow): TargetRecord => ({
  ...r,
  planId: plan_id,
  agencyId: agency_id,
});

export async function listTargets(db: Queryable, planId: string): Promise<TargetRecord[]> {
  const rows = await db.query<TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM reform_target WHERE plan_id = $1 ORDER BY position`,
    [planId],
  );
  return rows.map(toTarget);
}

export async function loadTarget(db: Queryable, id: string, lock = false): Promise<TargetRecord | null> {
  const [row] = await db.query<TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM reform_target WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? toTarget(row) : null;
}

export interface TargetInput {
  title: string;
  measure: TargetMeasure;
  comparator: TargetComparator;
  value: number;
}

export async function insertTarget(
  db: Queryable,
  planId: string,
  agencyId: string,
  id: string,
  t: TargetInput,
) {
  await db.query(
    `INSERT INTO reform_target (id, agency_id, plan_id, position, title, measure, comparator, value)
     VALUES ($1, $2, $3, (SELECT COALESCE(max(position), 0) + 1 FROM reform_target WHERE plan_id = $3), $4, $5, $6, $7)`,
    [id, agencyId, planId, t.title, t.measure, t.comparator, t.value],
  );
}

export async function updateTarget(db: Queryable, id: string, t: TargetInput) {
  await db.query(
    `UPDATE reform_target SET title = $2, measure = $3, comparator = $4, value = $5, version = version + 1 WHERE id = $1`,
    [id, t.title, t.measure, t.comparator, t.value],
  );
}

export interface TargetReport {
  id: string;
  targetId: string;
  month: number;
  value: number;
  note: string;
  sha256: string | null;
  filename: string | null;
  reportedBy: string | null;
  reportedAt: string;
}

export async function listTargetReports(db: Queryable, planId: string): Promise<TargetReport[]> {
  const rows = await db.query<{
    id: string;
    target_id: string;
    month: number;
    value: number;
    note: string;
    sha256: string | null;
    filename: string | null;
    full_name: string | null;
    reported_at: Date;
  }>(
    `SELECT r.id, r.target_id, r.month, r.value::float8 AS value, r.note, r.sha256, r.filename, u.full_name, r.reported_at
       FROM reform_target_report r JOIN reform_target t ON t.id = r.target_id LEFT JOIN app_user u ON u.id = r.reported_by
      WHERE t.plan_id = $1 ORDER BY r.month, r.reported_at`,
    [planId],
  );
  return rows.map((r) => ({
    id: r.id,
    targetId: r.target_id,
    month: r.month,
    value: r.value,
    note: r.note,
    sha256: r.sha256,
    filename: r.filename,
    reportedBy: r.full_name,
    reportedAt: new Date(r.reported_at).toISOString(),
  }));
}

export async function insertTargetReport(
  db: Queryable,
  r: {
    id: string;
    agencyId: string;
    targetId: string;
    month: number;
    value: number;
    note: string;
    sha256: string;
    filename: string;
    by: string;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO reform_target_report (id, agency_id, target_id, month, value, note, sha256, filename, reported_by, reported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [r.id, r.agencyId, r.targetId, r.month, r.value, r.note, r.sha256, r.filename, r.by, r.now],
  );
}

// ---- Tasks ----

export interface TaskRecord {
  id: string;
  agencyId: string;
  planId: string;
  area: ReformArea;
  title: string;
  description: string;
  unitId: string;
  unitName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  deadline: string;
  dueOn: string;
  source: TaskSource;
  sourceNumber: string | null;
  sourceDate: string | null;
  inspectionId: string | null;
  state: TaskState;
  progress: number;
  doneAt: Date | null;
  version: number;
}

const TASK_SELECT = `SELECT t.id, t.agency_id, t.plan_id, t.area, t.title, t.description, t.unit_id, o.name AS unit_name,
       t.assignee_id, u.full_name AS assignee_name, t.deadline, t.due_on, t.source, t.source_number, t.source_date,
       t.inspection_id, t.state, t.progress, t.done_at, t.version
  FROM reform_task t JOIN org_unit o ON o.id = t.unit_id LEFT JOIN app_user u ON u.id = t.assignee_id`;

type TaskRow = Record<string, unknown>;
const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id as string,
  agencyId: r.agency_id as string,
  planId: r.plan_id as string,
  area: r.area as ReformArea,
  title: r.title as string,
  description: r.description as string,
  unitId: r.unit_id as string,
  unitName: r.unit_name as string,
  assigneeId: (r.assignee_id as string | null) ?? null,
  assigneeName: (r.assignee_name as string | null) ?? null,
  deadline: r.deadline as string,
  dueOn: r.due_on as string,
  source: r.source as TaskSource,
  sourceNumber: (r.source_number as string | null) ?? null,
  sourceDate: (r.source_date as string | null) ?? null,
  inspectionId: (r.inspection_id as string | null) ?? null,
  state: r.state as TaskState,
  progress: r.progress as number,
  doneAt: r.done_at ? new Date(r.done_at as string) : null,
  version: r.version as number,
});

export async function loadTask(db: Queryable, id: string, lock = false): Promise<TaskRecord | null> {
  const [row] = await db.query<TaskRow>(`${TASK_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [
    id,
  ]);
  return row ? toTask(row) : null;
}

/** The plan's tasks, of the given units only when `units` is set (a head of unit's view). */
export async function listTasks(db: Queryable, planId: string, units: readonly string[] | null) {
  const rows = await db.query<TaskRow>(
    `${TASK_SELECT} WHERE t.plan_id = $1 AND ($2::uuid[] IS NULL OR t.unit_id = ANY($2::uuid[]))
      ORDER BY t.area, t.due_on, t.title`,
    [planId, units],
  );
  return rows.map(toTask);
}

export interface TaskInput {
  area: ReformArea;
  title: string;
  description: string;
  unitId: string;
  assigneeId: string | null;
  deadline: string;
  dueOn: string;
  source: TaskSource;
  sourceNumber: string | null;
  sourceDate: string | null;
}

export async function insertTask(
  db: Queryable,
  t: TaskInput & {
    id: string;
    agencyId: string;
    planId: string;
    inspectionId: string | null;
    by: string | null;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO reform_task (id, agency_id, plan_id, area, title, description, unit_id, assignee_id, deadline, due_on,
                              source, source_number, source_date, inspection_id, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'open', $15, $16, $16)`,
    [
      t.id,
      t.agencyId,
      t.planId,
      t.area,
      t.title,
      t.description,
      t.unitId,
      t.assigneeId,
      t.deadline,
      t.dueOn,
      t.source,
      t.sourceNumber,
      t.sourceDate,
      t.inspectionId,
      t.by,
      t.now,
    ],
  );
}

export async function updateTask(db: Queryable, id: string, t: TaskInput, now: Date) {
  await db.query(
    `UPDATE reform_task SET area = $2, title = $3, description = $4, unit_id = $5, assignee_id = $6, deadline = $7, due_on = $8,
            source = $9, source_number = $10, source_date = $11, version = version + 1, updated_at = $12
      WHERE id = $1`,
    [
      id,
      t.area,
      t.title,
      t.description,
      t.unitId,
      t.assigneeId,
      t.deadline,
      t.dueOn,
      t.source,
      t.sourceNumber,
      t.sourceDate,
      now,
    ],
  );
}

export async function setTaskProgress(
  db: Queryable,
  id: string,
  p: { progress: number; state: TaskState; doneAt: Date | null; doneOnTime: boolean | null; now: Date },
) {
  await db.query(
    `UPDATE reform_task SET progress = $2, state = $3, done_at = $4, done_on_time = $5, version = version + 1, updated_at = $6
      WHERE id = $1`,
    [id, p.progress, p.state, p.doneAt, p.doneOnTime, p.now],
  );
}

export interface TaskReport {
  id: string;
  at: string;
  by: string | null;
  progress: number;
  note: string;
  sha256: string | null;
  filename: string | null;
}

export async function listTaskReports(db: Queryable, taskId: string): Promise<TaskReport[]> {
  const rows = await db.query<{
    id: string;
    at: Date;
    full_name: string | null;
    progress: number;
    note: string;
    sha256: string | null;
    filename: string | null;
  }>(
    `SELECT r.id, r.at, u.full_name, r.progress, r.note, r.sha256, r.filename FROM reform_task_report r
       LEFT JOIN app_user u ON u.id = r.reported_by WHERE r.task_id = $1 ORDER BY r.at`,
    [taskId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    by: r.full_name,
    progress: r.progress,
    note: r.note,
    sha256: r.sha256,
    filename: r.filename,
  }));
}

export async function insertTaskReport(
  db: Queryable,
  r: {
    id: string;
    agencyId: string;
    taskId: string;
    by: string;
    progress: number;
    note: string;
    sha256: string | null;
    filename: string | null;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO reform_task_report (id, agency_id, task_id, at, reported_by, progress, note, sha256, filename)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [r.id, r.agencyId, r.taskId, r.now, r.by, r.progress, r.note, r.sha256, r.filename],
  );
}

/** Open tasks whose reminder window has begun (due on or before `until`), with their agency. */
export async function openTasksDueBy(db: Queryable, until: string) {
  const rows = await db.query<TaskRow>(
    `${TASK_SELECT} WHERE t.state = 'open' AND t.due_on <= $1 ORDER BY t.due_on`,
    [until],
  );
  return rows.map(toTask);
}

/** Heads of the unit (head_of_unit held on it), who are reminded with the assignee. */
export async function unitHeads(db: Queryable, unitId: string): Promise<string[]> {
  const rows = await db.query<{ user_id: string }>(
    `SELECT DISTINCT r.user_id FROM user_role r JOIN app_user u ON u.id = r.user_id
      WHERE r.role = 'head_of_unit' AND r.unit_id = $1 AND u.active ORDER BY r.user_id`,
    [unitId],
  );
  return rows.map((r) => r.user_id);
}

// ---- Measures' figures ----

/** The agency's dossier counters of the year, summed by month and metric (Vietnam days). */
export async function counterMonths(db: Queryable, agencyId: string, year: number) {
  return db.query<{ month: number; metric: string; n: number }>(
    `SELECT extract(month FROM day)::int AS month, metric, sum(n)::int AS n FROM dossier_counter
      WHERE agency_id = $1 AND day >= make_date($2, 1, 1) AND day < make_date($2 + 1, 1, 1)
      GROUP BY 1, 2`,
    [agencyId, year],
  );
}

/** The agency's published procedure versions: what each offered from the day it was published. */
export async function catalogueVersions(db: Queryable, agencyId: string): Promise<CatalogueVersion[]> {
  const rows = await db.query<{ procedure_id: string; from: string; state: string; content: unknown }>(
    `SELECT v.procedure_id, COALESCE(v.effective_from, (v.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::text AS "from",
            v.state, v.content
       FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
      WHERE p.agency_id = $1 AND v.published_at IS NOT NULL`,
    [agencyId],
  );
  return rows.map((r) => {
    const raw = (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as {
      onlineLevel?: unknown;
      steps?: unknown;
    };
    const content = procedureContentSchema.safeParse(raw);
    return {
      procedureId: r.procedure_id,
      from: r.from,
      inForce: r.state !== 'abolished',
      fullyOnline: raw.onlineLevel === 'full',
      offeredOnline: raw.onlineLevel === 'full' || raw.onlineLevel === 'partial',
      hasInternalProcess: Array.isArray(raw.steps) && raw.steps.length > 0,
      complete: content.success && publishProblems(content.data).length === 0,
    };
  });
}

/** The units an agency inspects and answers for: its departments and public service units in force. */
export async function agencyUnits(db: Queryable, agencyId: string, on: string) {
  return db.query<{ id: string; name: string }>(
    `SELECT id, name FROM org_unit WHERE agency_id = $1 AND id <> $1 AND kind IN ('department', 'public_service_unit')
        AND effective_from <= $2 AND (effective_to IS NULL OR effective_to >= $2) ORDER BY name`,
    [agencyId, on],
  );
}
