import { z } from 'zod';
import type { CalendarConfig } from '../calendar/config.ts';
import {
  addWorkingDays,
  instantOn,
  localDayOf,
  previousWorkingDay,
  vietnamDateOf,
} from '../calendar/working-time.ts';

/**
 * Decision 766's counting rules (DOMAIN.md §3 "Early, on time, late"), each one named. Where the
 * text leaves room, the agency chooses a reading (`CountingPolicy`, default the rule's own words);
 * the others are fixed and applied by `classify` in deadlines.ts:
 *
 * - END_BY_DAY (setting `endComparison`): an end on the appointment day is on time, before it
 *   early, after it late; 'instant' makes an end after the appointment's instant late.
 * - REPEATED_SUPPLEMENT_IS_OVERDUE: an open dossier whose supplements were requested more than once
 *   counts as overdue.
 * - LATE_SUPPLEMENT_IS_LATE: a supplement requested after the due date in force counts as late
 *   from that request: overdue while open, late once finished, whatever the restarted clock says.
 * - WITHDRAWAL_ENDS_AT_REQUEST: a withdrawal ends processing when the citizen asks for it, not when
 *   an officer accepts it (the snapshot's `endedAt` is the request).
 * - EXTENSION_NOTICE_BY_DATE (setting `extensionNotice`): the apology comes "at least one working
 *   day before the due date" when it is dated no later than the working day before the due date;
 *   'instant' wants a full working day from the apology to the due instant.
 */

export const END_COMPARISONS = ['day', 'instant'] as const;
export type EndComparison = (typeof END_COMPARISONS)[number];

export const EXTENSION_NOTICE_READINGS = ['date', 'instant'] as const;
export type ExtensionNoticeReading = (typeof EXTENSION_NOTICE_READINGS)[number];

export interface CountingPolicy {
  /** How an end (or a request, or an instant asked about) is compared with the appointment. */
  readonly endComparison: EndComparison;
  /** How the extension's "at least one working day before the due date" is read. */
  readonly extensionNotice: ExtensionNoticeReading;
}

export const countingPolicySchema = z.strictObject({
  endComparison: z.enum(END_COMPARISONS),
  extensionNotice: z.enum(EXTENSION_NOTICE_READINGS),
});

/** The rules as Decision 766 and Decree 61/2018 words them. */
export const DECISION_766_POLICY: CountingPolicy = Object.freeze({
  endComparison: 'day',
  extensionNotice: 'date',
});

export type FinishedTimeliness = 'early' | 'on_time' | 'late'; // trước hạn, đúng hạn, quá hạn

/**
 * Something finished at `end` against a deadline `due`: early on a day (in Vietnam) before the
 * deadline's day; by day, on time on that day and late after it; by instant, late after the
 * deadline itself and on time up to it.
 */
export function timelinessOfEnd(
  end: Date,
  due: Date,
  policy: CountingPolicy = DECISION_766_POLICY,
): FinishedTimeliness {
  const endDay = vietnamDateOf(end);
  const dueDay = vietnamDateOf(due);
  if (policy.endComparison === 'instant' ? end.getTime() > due.getTime() : endDay > dueDay) return 'late';
  return endDay < dueDay ? 'early' : 'on_time';
}

/** Whether ending at `at` would already be late against `due`. */
export function isPast(at: Date, due: Date, policy: CountingPolicy = DECISION_766_POLICY): boolean {
  return timelinessOfEnd(at, due, policy) === 'late';
}

/**
 * The first instant at which ending would be late against `due`: isPast(at, due) exactly when
 * at >= lateFrom(due). By day, the midnight (in Vietnam) that ends the appointment's day; by
 * instant, the millisecond after the appointment.
 */
export function lateFrom(due: Date, policy: CountingPolicy = DECISION_766_POLICY): Date {
  if (policy.endComparison === 'instant') return new Date(due.getTime() + 1);
  return new Date(instantOn(localDayOf(due.getTime()) + 1, 0));
}

/**
 * Whether an apology with a new date (mẫu 04) may still be issued at `at` for an appointment at
 * `dueAt`. By date: `at` falls on or before the last working day before the appointment's day. By
 * instant: one working day from `at` (same clock time) does not pass the appointment.
 */
export function mayExtendAt(
  at: Date,
  dueAt: Date,
  cal: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): boolean {
  if (policy.extensionNotice === 'instant') return addWorkingDays(at, 1, cal).getTime() <= dueAt.getTime();
  return vietnamDateOf(at) <= previousWorkingDay(vietnamDateOf(dueAt), cal);
}
