import { type AppointmentProcessingTime, appointmentDate, countingStart } from '../calendar/appointment.ts';
import { type CalendarConfig, minutesOfClockTime } from '../calendar/config.ts';
import {
  addWorkingDays,
  addWorkingHours,
  endOfWorkingDay,
  workingHoursBetween,
} from '../calendar/working-time.ts';
import { HOURS_PER_WORKING_DAY, type ProcessStep } from '../catalogue/procedure.ts';
import {
  type CountingPolicy,
  DECISION_766_POLICY,
  type FinishedTimeliness,
  isPast,
  timelinessOfEnd,
} from './policies.ts';
import type { DossierProcedure, DossierSnapshot, PauseRecord } from './snapshot.ts';
import { ms } from './snapshot.ts';

/**
 * Deadlines of a dossier, DOMAIN.md §3 "Deadlines" and "Early, on time, late" (Decision 766).
 * Everything goes through the agency's working-day calendar, in Vietnam time.
 */

/** Decree 45/2020: an online dossier is accepted or sent back within 8 working hours of submission. */
export const ONLINE_ACCEPTANCE_WORKING_HOURS = 8;

/** DOMAIN.md §3: if the supplement does not come within this many working days, the dossier is closed. */
export const DEFAULT_SUPPLEMENT_LIMIT_WORKING_DAYS = 15;

/** When counting starts and the appointment it gives, for a dossier received (or supplemented) at `at`. */
export function appointmentAtReceipt(
  at: Date,
  time: AppointmentProcessingTime,
  cal: CalendarConfig,
): { countingStartAt: Date; dueAt: Date } {
  return { countingStartAt: countingStart(at, cal), dueAt: appointmentDate(at, time, cal) };
}

/** By when an online dossier must be received or refused: 8 hours of working time after submission. */
export function acceptanceDeadline(submittedAt: Date, cal: CalendarConfig): Date {
  return addWorkingHours(submittedAt, ONLINE_ACCEPTANCE_WORKING_HOURS, cal);
}

/**
 * The last instant the applicant may hand in a supplement: the close of the n-th working day after
 * the request, since a period counted in days runs to the end of its last day.
 */
export function supplementLimit(requestedAt: Date, workingDays: number, cal: CalendarConfig): Date {
  return endOfWorkingDay(addWorkingDays(requestedAt, workingDays, cal), cal);
}

// Internal steps (quy trình nội bộ).

/**
 * The approval step is the last step done by the agency leader (ký duyệt); the steps before it are
 * the work steps that `forward_step` walks through, and any after it (e.g. returning the result) run
 * while the result is ready. Without a leader step, every step is a work step. -1 when none.
 */
export function approvalStepIndex(steps: readonly ProcessStep[]): number {
  return steps.findLastIndex((s) => s.role === 'leader');
}

/** How many steps come before the approval step. */
export function workStepCount(steps: readonly ProcessStep[]): number {
  const approval = approvalStepIndex(steps);
  return approval < 0 ? steps.length : approval;
}

/** The working hours of one working day of the calendar (7.5 h by default). */
export function hoursOfWorkingDay(cal: CalendarConfig): number {
  return cal.workingPeriods.reduce(
    (sum, p) => sum + (minutesOfClockTime(p.end) - minutesOfClockTime(p.start)) / 60,
    0,
  );
}

/**
 * How much working time of the calendar a step has, in hours.
 *
 * A step's `hours` are its share of the processing time written at 8 h a working day, while a
 * calendar's working day may be shorter (7.5 h by default). So the share is turned into a fraction
 * of the whole processing time and that fraction is taken of the working time the calendar actually
 * gives the dossier, from the counting start to the appointment:
 *
 *   clock hours = step.hours / nominal hours × calendar hours
 *
 * where nominal hours are value × 8 for working days, the value itself for working hours (so hour
 * steps stay 1:1), and the calendar hours at 8 a day for calendar days. When the nominal time is 0
 * ("trong ngày", within the day) the steps share out whatever is left of the day, in proportion.
 * Slack left by steps that add up to less than the processing time stays unassigned.
 */
export function stepWorkingHours(
  procedure: DossierProcedure,
  index: number,
  countingStartAt: Date,
  cal: CalendarConfig,
): number {
  const step = procedure.steps[index];
  if (!step) throw new RangeError(`the procedure has no step ${index}`);
  const time = procedure.processingTime;
  const calendarHours = workingHoursBetween(
    countingStartAt,
    appointmentDate(countingStartAt, time, cal),
    cal,
  );
  let nominal =
    time.unit === 'working_hours'
      ? time.value
      : time.unit === 'working_days'
        ? time.value * HOURS_PER_WORKING_DAY
        : (calendarHours / hoursOfWorkingDay(cal)) * HOURS_PER_WORKING_DAY;
  if (!(nominal > 0)) nominal = procedure.steps.reduce((sum, s) => sum + s.hours, 0);
  return (calendarHours * step.hours) / nominal;
}

/** A step's own deadline: its working time laid on the working-hours clock from when it started. */
export function stepDeadline(
  procedure: DossierProcedure,
  index: number,
  startedAt: Date,
  countingStartAt: Date,
  cal: CalendarConfig,
): Date {
  return addWorkingHours(startedAt, stepWorkingHours(procedure, index, countingStartAt, cal), cal);
}

// Early, on time, late.

export type OpenTimeliness = 'in_time' | 'overdue'; // trong hạn, quá hạn
export type Timeliness = FinishedTimeliness | OpenTimeliness;

/** The appointment in force at an instant (after supplements, payment waits and extensions made by then). */
export function dueAtInForce(d: DossierSnapshot, at: Date): Date | null {
  const t = at.getTime();
  let due: string | null = null;
  for (const change of d.dueHistory) if (ms(change.at) <= t) due = change.dueAt;
  return due === null ? null : new Date(due);
}

function openAt(p: PauseRecord, t: number): boolean {
  return ms(p.startedAt) <= t && (p.endedAt === null || t < ms(p.endedAt));
}

/** A wait that was still running when the dossier ended (it was closed by the end itself). */
function openAtEnd(p: PauseRecord, end: number): boolean {
  return openAt(p, end) || (p.closedBy === 'dossier_ended' && ms(p.startedAt) <= end);
}

/** Supplement requests made up to an instant. */
export function supplementRequestsBy(d: DossierSnapshot, at: Date): number {
  return d.pauses.filter((p) => p.kind === 'supplement' && ms(p.startedAt) <= at.getTime()).length;
}

/** The dossier's processing has ended by `at`. */
export function hasEndedBy(d: DossierSnapshot, at: Date): boolean {
  return d.endedAt !== null && ms(d.endedAt) <= at.getTime();
}

/**
 * The first supplement request made by `at` after the appointment then in force (a request on the
 * appointment day itself is not after it when ends are compared by day).
 */
export function lateSupplementRequest(
  d: DossierSnapshot,
  at: Date,
  policy: CountingPolicy = DECISION_766_POLICY,
): PauseRecord | undefined {
  return d.pauses.find((p) => {
    if (p.kind !== 'supplement' || ms(p.startedAt) > at.getTime()) return false;
    const due = dueAtInForce(d, new Date(p.startedAt));
    return due !== null && isPast(new Date(p.startedAt), due, policy);
  });
}

/**
 * Early, on time or late (finished by `at`), or in time or overdue (still open at `at`), as Decision
 * 766 counts them (policies.ts names each rule); null for a dossier not received by `at` (an online
 * submission not yet accepted, or one refused at reception), which has no appointment to meet.
 *
 * - A finished dossier is judged by its end of processing against the appointment then in force
 *   (after a restart for a supplement, a payment wait, or the one valid extension). Time waiting for
 *   the applicant does not count: a dossier that ended while waiting for a supplement or a payment is
 *   judged by when the wait began. A supplement requested after the appointment makes it late.
 * - An open dossier is overdue when ending at `at` would be late, and in time otherwise. One waiting
 *   for its only supplement, requested before the appointment, is in time whatever the date; one
 *   whose supplements were requested more than once, or once after the appointment, is overdue. One
 *   waiting for a payment is judged by when the wait began (the appointment moves by the wait when
 *   the payment is confirmed).
 */
export function classify(
  d: DossierSnapshot,
  at: Date,
  policy: CountingPolicy = DECISION_766_POLICY,
): Timeliness | null {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  if (d.receivedAt === null || ms(d.receivedAt) > t) return null;
  if (d.endedAt !== null && ms(d.endedAt) <= t) {
    const end = ms(d.endedAt);
    const due = dueAtInForce(d, new Date(end));
    if (due === null) return null;
    if (lateSupplementRequest(d, new Date(end), policy)) return 'late';
    const wait = d.pauses.find((p) => p.kind !== 'inter_agency' && openAtEnd(p, end));
    return timelinessOfEnd(new Date(wait ? ms(wait.startedAt) : end), due, policy);
  }
  const due = dueAtInForce(d, at);
  if (due === null) return null;
  if (supplementRequestsBy(d, at) > 1 || lateSupplementRequest(d, at, policy)) return 'overdue';
  if (d.pauses.some((p) => p.kind === 'supplement' && openAt(p, t))) return 'in_time';
  const payment = d.pauses.find((p) => p.kind === 'payment' && openAt(p, t));
  return isPast(payment ? new Date(payment.startedAt) : at, due, policy) ? 'overdue' : 'in_time';
}

/**
 * Open, still in time, and due within one working day of `at` (same clock time the next working
 * day). A dossier whose clock is stopped by a wait for the applicant (its one supplement, or a
 * payment) is not at risk: its appointment cannot pass while it waits.
 */
export function atRisk(
  d: DossierSnapshot,
  at: Date,
  cal: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): boolean {
  if (classify(d, at, policy) !== 'in_time') return false;
  const t = at.getTime();
  if (d.pauses.some((p) => openAt(p, t) && (p.kind === 'payment' || p.kind === 'supplement'))) return false;
  const due = dueAtInForce(d, at);
  return due !== null && due.getTime() <= addWorkingDays(at, 1, cal).getTime();
}

/** An online dossier not yet received or refused at `at`, past its 8 working hours. */
export function acceptanceOverdue(d: DossierSnapshot, at: Date): boolean {
  const t = at.getTime();
  if (d.acceptanceDueAt === null || ms(d.acceptanceDueAt) >= t) return false;
  const decidedAt = d.receivedAt ?? d.endedAt;
  return decidedAt === null || ms(decidedAt) > t;
}
