import { randomUUID } from 'node:crypto';
import {
  type CalendarConfig,
  doneOnTime,
  effectiveDeadline,
  type PlanContent,
  type REFORM_AREAS,
  type TaskStanding,
  taskStanding,
  titleForYear,
  unitFigures,
  vietnamDateOf,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { acceptUpload } from '../files/store.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { descendantIds } from '../org/tree.ts';
import { demand, may, reformSubject } from './access.ts';
import { targetsWithStanding } from './measures.ts';
import * as store from './store.ts';

/** The reform office's use cases: each runs in the caller's transaction, checks access, then writes. */

export const staleVersion = (current: number, sent: number) =>
  new Problem(409, 'reform_stale_version', { current, sent }, undefined, undefined, {
    currentVersion: current,
  });

export function checkVersion(current: number, sent: number): void {
  if (current !== sent) throw staleVersion(current, sent);
}

export async function calendarOf(db: Queryable, agencyId: string): Promise<CalendarConfig> {
  return (await loadCalendar(db, agencyId)).config;
}

/** A plan the user may see (a draft only for those who may read drafts), or 404. */
export async function visiblePlan(db: Queryable, session: Session, planId: string, lock = false) {
  const plan = await store.loadPlan(db, planId, lock);
  if (!plan) throw new Problem(404, 'reform_plan_not_found');
  const subject = await reformSubject(db, plan.agencyId);
  const action = plan.status === 'draft' ? 'plan.read_draft' : 'plan.read';
  if (!may(session, action, subject)) throw new Problem(404, 'reform_plan_not_found');
  return { plan, subject };
}

export async function managedPlan(db: Queryable, session: Session, planId: string) {
  const { plan, subject } = await visiblePlan(db, session, planId, true);
  demand(session, 'plan.manage', subject);
  return plan;
}

export async function createPlan(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  input: { agencyId: string; year: number; content: PlanContent },
): Promise<string> {
  demand(session, 'plan.manage', await reformSubject(tx, input.agencyId));
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `reform-plan:${input.agencyId}:${input.year}`,
  ]);
  if (await store.planOfYear(tx, input.agencyId, input.year))
    throw new Problem(409, 'reform_plan_exists', { year: input.year });
  const id = randomUUID();
  await store.insertPlan(tx, { id, ...input, copiedFrom: null, by: session.user.id, now: ctx.now() });
  return id;
}

/** Moves a date one year on (29 February becomes 28 February). */
function nextYearDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Starts next year's plan from this one: its text, its targets (same measures and levels) and its
 * own tasks with their deadlines a year on, all open again. Tasks from the province or from an
 * inspection were one-off and are not carried over.
 */
export async function copyPlan(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  fromId: string,
  year: number,
) {
  const from = await managedPlan(tx, session, fromId);
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `reform-plan:${from.agencyId}:${year}`,
  ]);
  if (await store.planOfYear(tx, from.agencyId, year)) throw new Problem(409, 'reform_plan_exists', { year });
  const id = randomUUID();
  const now = ctx.now();
  const content: PlanContent = {
    title: titleForYear(from.title, from.year, year),
    basis: '',
    purposes: from.purposes,
    requirements: from.requirements,
  };
  await store.insertPlan(tx, {
    id,
    agencyId: from.agencyId,
    year,
    content,
    copiedFrom: from.id,
    by: session.user.id,
    now,
  });
  for (const t of await store.listTargets(tx, from.id))
    await store.insertTarget(tx, id, from.agencyId, randomUUID(), t);
  const cal = await calendarOf(tx, from.agencyId);
  const shift = year - from.year;
  for (const t of await store.listTasks(tx, from.id, null)) {
    if (t.source !== 'plan' || t.state === 'cancelled') continue;
    let deadline = t.deadline;
    for (let i = 0; i < shift; i++) deadline = nextYearDate(deadline);
    await store.insertTask(tx, {
      ...t,
      id: randomUUID(),
      planId: id,
      deadline,
      dueOn: effectiveDeadline(deadline, cal),
      inspectionId: null,
      by: session.user.id,
      now,
    });
  }
  return id;
}

// ---- Tasks ----

export interface TaskView extends store.TaskRecord {
  standing: TaskStanding;
  /** True when the task is late or still open past its deadline: "who is behind". */
  behind: boolean;
}

export const taskView = (t: store.TaskRecord, now: Date, cal: CalendarConfig): TaskView => {
  const standing = taskStanding(t, now, cal);
  return { ...t, standing, behind: standing === 'overdue' || standing === 'done_late' };
};

/** The tasks of the plan the user may see: all for the agency's roles, the unit's own for a head. */
export async function visibleTasks(db: Queryable, session: Session, planId: string, now: Date) {
  const { plan, subject } = await visiblePlan(db, session, planId);
  const allUnits = may(session, 'task.read', subject);
  const units = allUnits ? null : await headedUnits(db, session, subject.agencyUnits);
  const cal = await calendarOf(db, plan.agencyId);
  const tasks = (await store.listTasks(db, plan.id, units)).map((t) => taskView(t, now, cal));
  return { plan, tasks, cal };
}

/** The units, within the agency, that the user heads (and the units below them). */
async function headedUnits(
  db: Queryable,
  session: Session,
  agencyUnits: ReadonlySet<string>,
): Promise<string[]> {
  const roots = session.roles
    .filter((g) => g.role === 'head_of_unit' && agencyUnits.has(g.unitId))
    .map((g) => g.unitId);
  return [...(await descendantIds(db, roots))];
}

export async function taskFor(
  db: Queryable,
  session: Session,
  taskId: string,
  action: 'task.read' | 'task.report' | 'task.manage',
  lock = false,
) {
  const task = await store.loadTask(db, taskId, lock);
  if (!task) throw new Problem(404, 'reform_task_not_found');
  const subject = await reformSubject(db, task.agencyId, task.unitId);
  if (!may(session, 'task.read', subject)) throw new Problem(404, 'reform_task_not_found');
  const plan = (await store.loadPlan(db, task.planId))!;
  // A draft plan's tasks are not shown to units before it is issued.
  if (plan.status === 'draft' && !may(session, 'plan.read_draft', subject))
    throw new Problem(404, 'reform_task_not_found');
  demand(session, action, subject);
  return { task, plan };
}

export interface TaskFields {
  area: (typeof REFORM_AREAS)[number];
  title: string;
  description: string;
  unitId: string;
  assigneeId: string | null;
  deadline: string;
  source: 'plan' | 'province';
  sourceNumber: string | null;
  sourceDate: string | null;
}

/** Checks a task's fields against the plan: the unit in the agency, the assignee in the unit, the year. */
async function checkedTask(db: Queryable, plan: store.PlanRecord, f: TaskFields, cal: CalendarConfig) {
  const issues = [];
  const year = Number(f.deadline.slice(0, 4));
  if (year < plan.year || year > plan.year + 1) issues.push(fieldIssue('deadline', 'deadline_outside_year'));
  if (f.source === 'province' && (!f.sourceNumber || !f.sourceDate))
    issues.push(fieldIssue(f.sourceNumber ? 'sourceDate' : 'sourceNumber', 'province_source_needs_document'));
  if (issues.length > 0) throw fieldProblem(...issues);
  const [unit] = await db.query<{ agency_id: string | null }>(
    'SELECT agency_id FROM org_unit WHERE id = $1',
    [f.unitId],
  );
  if (!unit || unit.agency_id !== plan.agencyId) throw new Problem(422, 'reform_unit_not_in_agency');
  if (f.assigneeId) {
    const units = [...(await descendantIds(db, [f.unitId]))];
    const [held] = await db.query(
      'SELECT 1 FROM user_role WHERE user_id = $1 AND unit_id = ANY($2::uuid[]) LIMIT 1',
      [f.assigneeId, units],
    );
    if (!held) throw new Problem(422, 'reform_assignee_not_in_unit');
  }
  return {
    ...f,
    sourceNumber: f.source === 'province' ? f.sourceNumber : null,
    sourceDate: f.source === 'province' ? f.sourceDate : null,
    dueOn: effectiveDeadline(f.deadline, cal),
  };
}

export async function createTask(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  planId: string,
  f: TaskFields,
  inspectionId: string | null = null,
): Promise<string> {
  const plan = await managedPlan(tx, session, planId);
  const cal = await calendarOf(tx, plan.agencyId);
  const input = await checkedTask(tx, plan, f, cal);
  const id = randomUUID();
  await store.insertTask(tx, {
    ...input,
    source: inspectionId ? 'inspection' : input.source,
    id,
    agencyId: plan.agencyId,
    planId: plan.id,
    inspectionId,
    by: session.user.id,
    now: ctx.now(),
  });
  return id;
}

export async function changeTask(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  taskId: string,
  version: number,
  f: TaskFields,
) {
  const { task, plan } = await taskFor(tx, session, taskId, 'task.manage', true);
  checkVersion(task.version, version);
  const cal = await calendarOf(tx, plan.agencyId);
  const input = await checkedTask(tx, plan, f, cal);
  await store.updateTask(
    tx,
    task.id,
    { ...input, source: task.source === 'inspection' ? 'inspection' : input.source },
    ctx.now(),
  );
}

/**
 * A progress report on a task, optionally with a file (checked by content as any upload); at 100%
 * with `done` the task is done, on time or late by core's rule on the agency's calendar.
 */
export async function reportTask(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  taskId: string,
  r: {
    version: number;
    progress: number;
    note: string;
    done: boolean;
    file: { data: Buffer; filename: string } | null;
  },
) {
  const { task, plan } = await taskFor(tx, session, taskId, 'task.report', true);
  if (task.state !== 'open') throw new Problem(409, 'reform_task_closed');
  checkVersion(task.version, r.version);
  const now = ctx.now();
  const accepted = r.file
    ? await acceptUpload(ctx.files, tx, r.file.data, ctx.config.uploadMaxBytes, now)
    : null;
  await store.insertTaskReport(tx, {
    id: randomUUID(),
    agencyId: task.agencyId,
    taskId: task.id,
    by: session.user.id,
    progress: r.done ? 100 : r.progress,
    note: r.note,
    sha256: accepted?.sha256 ?? null,
    filename: accepted ? r.file!.filename : null,
    now,
  });
  const cal = await calendarOf(tx, plan.agencyId);
  await store.setTaskProgress(tx, task.id, {
    progress: r.done ? 100 : r.progress,
    state: r.done ? 'done' : 'open',
    doneAt: r.done ? now : null,
    doneOnTime: r.done ? doneOnTime(task.deadline, now, cal) : null,
    now,
  });
}

/** Completion and on-time rates per unit; a head of unit sees the own unit's line only. */
export async function unitStanding(db: Queryable, session: Session, planId: string, now: Date) {
  const { plan, tasks } = await visibleTasks(db, session, planId, now);
  const names = new Map(tasks.map((t) => [t.unitId, t.unitName]));
  const figures = unitFigures(tasks).map((f) => ({ ...f, unitName: names.get(f.unitId) ?? '' }));
  figures.sort((a, b) => b.overdue - a.overdue || a.unitName.localeCompare(b.unitName, 'vi'));
  return { plan, units: figures, behind: tasks.filter((t) => t.behind) };
}

// ---- Targets ----

export async function planDetail(db: Queryable, session: Session, planId: string, now: Date) {
  const { plan, subject } = await visiblePlan(db, session, planId);
  const cal = await calendarOf(db, plan.agencyId);
  const targets = await targetsWithStanding(db, plan, await store.listTargets(db, plan.id), now, cal);
  return { plan, targets, canManage: may(session, 'plan.manage', subject) };
}

export async function reportTarget(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  targetId: string,
  r: { month: number; value: number; note: string; file: { data: Buffer; filename: string } | null },
) {
  const target = await store.loadTarget(tx, targetId, true);
  if (!target) throw new Problem(404, 'reform_target_not_found');
  const plan = await managedPlan(tx, session, target.planId);
  if (target.measure !== 'manual' && target.measure !== 'dossiers_tracked_share')
    throw new Problem(409, 'reform_target_not_manual');
  const now = ctx.now();
  const today = vietnamDateOf(now).slice(0, 7);
  const month = `${plan.year}-${String(r.month).padStart(2, '0')}`;
  if (month > today) throw fieldProblem(fieldIssue('month', 'month_not_started'));
  if (target.measure === 'manual' && r.value > 100) throw fieldProblem(fieldIssue('value', 'percent_range'));
  if (!r.file) throw new Problem(422, 'reform_evidence_required');
  const accepted = await acceptUpload(ctx.files, tx, r.file.data, ctx.config.uploadMaxBytes, now);
  await store.insertTargetReport(tx, {
    id: randomUUID(),
    agencyId: target.agencyId,
    targetId: target.id,
    month: r.month,
    value: r.value,
    note: r.note,
    sha256: accepted.sha256,
    filename: r.file.filename,
    by: session.user.id,
    now,
  });
}
