import type { IsoDate } from '../calendar/civil-date.ts';
import type { CalendarConfig } from '../calendar/config.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  startOfWorkingDay,
  vietnamDateOf,
} from '../calendar/working-time.ts';

/**
 * Reform tasks (nhiệm vụ CCHC): assigned to a unit (and optionally a person), with a deadline on the
 * agency's working-day calendar and a source. A task of the provincial People's Committee must be
 * done on time every time (seed 003: "100% nhiệm vụ do UBND tỉnh giao được hoàn thành đúng hạn").
 */
export const TASK_SOURCES = [
  'plan', // the agency's own annual plan
  'province', // a document of the provincial People's Committee (văn bản của UBND tỉnh), with number and date
  'inspection', // a remediation of an inspection finding (khắc phục sau kiểm tra)
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** How a task stands on a day; what the task list shows and SQL filters on ("who is behind"). */
export const TASK_STANDINGS = [
  'not_started',
  'in_progress',
  'due_soon',
  'overdue',
  'done_on_time',
  'done_late',
  'cancelled',
] as const;
export type TaskStanding = (typeof TASK_STANDINGS)[number];

/** Reminders go this many working days before the deadline, and on the first working day after it. */
export const REMIND_BEFORE_WORKING_DAYS = 3;

/**
 * The deadline in force: a deadline on a day off ends at the end of the next working day (Civil
 * Code 2015 art. 148(5)), so a task due on a Saturday is on time if done on Monday.
 */
export function effectiveDeadline(deadline: IsoDate, cal: CalendarConfig): IsoDate {
  return isWorkingDay(deadline, cal) ? deadline : nextWorkingDay(deadline, cal);
}

/** On time when done on or before the deadline in force, compared by day in Vietnam. */
export function doneOnTime(deadline: IsoDate, doneAt: Date, cal: CalendarConfig): boolean {
  return vietnamDateOf(doneAt) <= effectiveDeadline(deadline, cal);
}

export interface TaskForStanding {
  state: TaskState;
  deadline: IsoDate;
  doneAt: Date | null;
  /** Percent reported so far (0-100). */
  progress: number;
}

/** The task's standing at `now`. Due soon: open, and the deadline is within the reminder window. */
export function taskStanding(task: TaskForStanding, now: Date, cal: CalendarConfig): TaskStanding {
  if (task.state === 'cancelled') return 'cancelled';
  const due = effectiveDeadline(task.deadline, cal);
  if (task.state === 'done' && task.doneAt)
    return doneOnTime(task.deadline, task.doneAt, cal) ? 'done_on_time' : 'done_late';
  const today = vietnamDateOf(now);
  if (today > due) return 'overdue';
  if (today >= remindBeforeDay(task.deadline, cal)) return 'due_soon';
  return task.progress > 0 ? 'in_progress' : 'not_started';
}

/** The day of the reminder before the deadline: REMIND_BEFORE_WORKING_DAYS working days earlier. */
export function remindBeforeDay(deadline: IsoDate, cal: CalendarConfig): IsoDate {
  let day = effectiveDeadline(deadline, cal);
  for (let i = 0; i < REMIND_BEFORE_WORKING_DAYS; i++) day = previousWorkingDay(day, cal);
  return day;
}

export type ReminderKind = 'before_deadline' | 'after_deadline';

export interface TaskReminder {
  kind: ReminderKind;
  /** The instant from which the reminder is due: the opening of a working day. */
  at: Date;
  /**
   * Identifies the reminder so it is written once: per task, kind and deadline in force, so a
   * moved deadline gets its own reminders.
   */
  dedupeKey: string;
}

/** The reminders an open task has due at `now` (none for a task done or cancelled). */
export function dueReminders(
  task: { id: string; state: TaskState; deadline: IsoDate },
  now: Date,
  cal: CalendarConfig,
): TaskReminder[] {
  if (task.state !== 'open') return [];
  const due = effectiveDeadline(task.deadline, cal);
  const before = startOfWorkingDay(remindBeforeDay(task.deadline, cal), cal);
  const after = startOfWorkingDay(nextWorkingDay(due, cal), cal);
  const out: TaskReminder[] = [];
  const key = (kind: ReminderKind) => `reform-task:${task.id}:${kind}:${due}`;
  if (now >= before && now < after)
    out.push({ kind: 'before_deadline', at: before, dedupeKey: key('before_deadline') });
  if (now >= after) out.push({ kind: 'after_deadline', at: after, dedupeKey: key('after_deadline') });
  return out;
}

/** A deadline counted from a day in working days (e.g. a remediation due 10 working days after a finding). */
export function deadlineAfterWorkingDays(from: IsoDate, days: number, cal: CalendarConfig): IsoDate {
  return vietnamDateOf(addWorkingDays(startOfWorkingDay(from, cal), days, cal));
}

export interface UnitTaskFigures {
  unitId: string;
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  /** Percent of tasks done (null without tasks). */
  completionRate: number | null;
  /** Percent of tasks due or done that were done on time (null when none fell due). */
  onTimeRate: number | null;
}

/** Completion and on-time rates per unit; a unit is behind when it has an overdue task. */
export function unitFigures(tasks: readonly { unitId: string; standing: TaskStanding }[]): UnitTaskFigures[] {
  const byUnit = new Map<string, TaskStanding[]>();
  for (const t of tasks) {
    if (t.standing === 'cancelled') continue;
    byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t.standing]);
  }
  const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);
  return [...byUnit.entries()].map(([unitId, s]) => {
    const onTime = s.filter((x) => x === 'done_on_time').length;
    const done = onTime + s.filter((x) => x === 'done_late').length;
    const overdue = s.filter((x) => x === 'overdue').length;
    return {
      unitId,
      total: s.length,
      done,
      doneOnTime: onTime,
      overdue,
      completionRate: pct(done, s.length),
      onTimeRate: pct(onTime, done + overdue),
    };
  });
}

/** The share of units an agency inspects each year at least (seed 001: "tối thiểu 30%"). */
export const INSPECTION_MIN_SHARE = 30;
