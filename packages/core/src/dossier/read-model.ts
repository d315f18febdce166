import { z } from 'zod';
import type { CalendarConfig } from '../calendar/config.ts';
import { addWorkingDays, workingHoursBetween } from '../calendar/working-time.ts';
import { DOSSIER_ACTIONS, type DossierActor } from './actions.ts';
import {
  acceptanceOverdue,
  atRisk,
  classify,
  dueAtInForce,
  hoursOfWorkingDay,
  lateSupplementRequest,
} from './deadlines.ts';
import { openActions } from './open-actions.ts';
import { type CountingPolicy, DECISION_766_POLICY, isPast, lateFrom } from './policies.ts';
import { type DossierSnapshot, END_KINDS, ms, PAUSE_KINDS, type PauseRecord } from './snapshot.ts';

/**
 * The dossier read model: everything a person sees about a dossier's time and options at an
 * instant, computed once here from the snapshot, the agency's calendar and its reading of
 * Decision 766. The server sends it and the web only renders it, so no screen does calendar
 * arithmetic of its own and no two screens can disagree (a dossier is never shown "paused" and
 * "overdue" at once unless classify says so).
 *
 * `overdueFrom` and `atRiskFrom` are the same facts as instants, for SQL to filter on: the server
 * writes them with every change of the dossier, so `overdue_from <= now` is `classify(...) ===
 * 'overdue'` by construction.
 */

/** The standard forms of Circular 03/2025 (mẫu 01-07). */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

/**
 * Where the dossier's clock stands:
 * - `awaiting_acceptance`: submitted online, to be received or refused within 8 working hours;
 * - `running`: the processing time counts (also while another agency is consulted, liên thông);
 * - `stopped`: waiting for the applicant (a supplement, a payment), the time does not count;
 * - `ended`: processing has ended (processed, refused, stopped, withdrawn);
 * - `none`: no appointment at all (refused at reception).
 */
export const CLOCK_STATES = ['awaiting_acceptance', 'running', 'stopped', 'ended', 'none'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

const instant = z.iso.datetime({ offset: true });

/** Working time as a person reads it: "2 ngày 3 giờ làm việc" on the agency's own working day. */
export const workingTimeSchema = z.strictObject({
  /** Signed: negative once the appointment has passed. */
  workingMinutes: z.number().int(),
  /** |workingMinutes| as whole working days, hours and minutes of `hoursPerDay`. */
  days: z.number().int().min(0),
  hours: z.number().int().min(0),
  minutes: z.number().int().min(0),
  /** The length of the agency's working day (7.5 h by default). */
  hoursPerDay: z.number().positive(),
});
export type WorkingTime = z.infer<typeof workingTimeSchema>;

export const dossierTimeSchema = z.strictObject({
  /** The instant this was computed for. */
  at: instant,
  clock: z.enum(CLOCK_STATES),
  /** The appointment in force (ngày hẹn trả) at `at`, and the one first printed on the receipt. */
  dueAt: instant.nullable(),
  originalDueAt: instant.nullable(),
  /**
   * Working time left until the appointment (negative when past it): while the clock runs, from
   * `at`; while a payment is awaited, frozen at the start of the wait. Null when no clock counts
   * towards the appointment (ended, not yet received, or a supplement awaited: the processing
   * time restarts from the beginning when it arrives).
   */
  remaining: workingTimeSchema.nullable(),
  /** Decision 766: early / on time / late once ended, in time / overdue while open; null before receipt. */
  timeliness: z.enum(['early', 'on_time', 'late', 'in_time', 'overdue']).nullable(),
  /** Open, in time, due within one working day and not waiting for the applicant. */
  atRisk: z.boolean(),
  /** The wait the dossier is in, and whether the processing time keeps counting during it. */
  pause: z
    .strictObject({
      kind: z.enum(PAUSE_KINDS),
      since: instant,
      /** A supplement's limit, after which the dossier is closed. */
      limitAt: instant.nullable(),
      clockRuns: z.boolean(),
    })
    .nullable(),
  /** The applicant asked to withdraw and an officer has not decided yet. */
  withdrawalRequestedAt: instant.nullable(),
  /** Online submissions: by when they must be received or refused, and whether that has passed. */
  acceptance: z.strictObject({ dueAt: instant, overdue: z.boolean() }).nullable(),
  /** The end of processing (Decision 766) and how it ended. */
  endedAt: instant.nullable(),
  endKind: z.enum(END_KINDS).nullable(),
  /** The instants SQL filters on (see overdueFrom and atRiskFrom). */
  overdueFrom: instant.nullable(),
  atRiskFrom: instant.nullable(),
});
export type DossierTime = z.infer<typeof dossierTimeSchema>;

export const dossierReadModelSchema = dossierTimeSchema.extend({
  /** What the person looking may do now (openActions). */
  actions: z.array(z.enum(DOSSIER_ACTIONS)),
  /** The forms the dossier has something for, in the circular's order. */
  forms: z.array(z.enum(DOSSIER_FORMS)),
});
export type DossierReadModel = z.infer<typeof dossierReadModelSchema>;

/** Who is looking, to say what they may do. */
export interface DossierViewer {
  actor: DossierActor;
  supplementLimitWorkingDays: number;
  /** The dossier's applicant identity HMAC (server-side), for a citizen matched by identity number. */
  applicantIdHmac?: string | null | undefined;
}

/** Later than any event: the appointment, waits and requests as the snapshot last left them. */
const AFTER_EVERYTHING = new Date(8.64e15);

function openPauseAt(d: DossierSnapshot, t: number): PauseRecord | undefined {
  return d.pauses.find((p) => ms(p.startedAt) <= t && (p.endedAt === null || t < ms(p.endedAt)));
}

/**
 * The instant from which a fact of the history keeps the open dossier overdue whatever the
 * clock says: its second supplement request (REPEATED_SUPPLEMENT_IS_OVERDUE), or a supplement
 * requested after the due date in force (LATE_SUPPLEMENT_IS_LATE). Null when there is none.
 */
function overdueByHistoryFrom(d: DossierSnapshot, policy: CountingPolicy): number | null {
  const requests = d.pauses
    .filter((p) => p.kind === 'supplement')
    .map((p) => ms(p.startedAt))
    .sort((a, b) => a - b);
  const candidates: number[] = [];
  if (requests.length > 1) candidates.push(requests[1]!);
  const late = lateSupplementRequest(d, AFTER_EVERYTHING, policy);
  if (late) candidates.push(ms(late.startedAt));
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

/**
 * The instant from which the open dossier counts as overdue, if nothing else happens to it; null
 * when it has ended, is not received, or cannot become overdue without a new event (it waits for
 * its one supplement, or for a payment asked for in time).
 *
 * Exact for every instant t from the snapshot's last change on: `classify(d, t, policy) ===
 * 'overdue'` if and only if `overdueFrom` is not null and t >= overdueFrom. (Earlier instants are
 * history, which classify answers.) It reuses classify's rules: the end comparison of the policy
 * (by day: from the midnight ending the appointment day), a repeated or late supplement request
 * (from that request), a payment wait (judged by when it began).
 */
export function overdueFrom(
  snapshot: DossierSnapshot,
  calendarConfig: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): Date | null {
  void calendarConfig; // Overdue depends on dates only; the signature matches atRiskFrom for callers.
  const d = snapshot;
  if (d.receivedAt === null || d.endedAt !== null) return null;
  const due = dueAtInForce(d, AFTER_EVERYTHING);
  if (due === null) return null;
  const byHistory = overdueByHistoryFrom(d, policy);
  if (byHistory !== null) return new Date(byHistory);
  const open = d.pauses.filter((p) => p.endedAt === null);
  if (open.some((p) => p.kind === 'supplement')) return null;
  const payment = open.find((p) => p.kind === 'payment');
  if (payment && !isPast(new Date(payment.startedAt), due, policy)) return null;
  return lateFrom(due, policy);
}

/**
 * The instant from which the open dossier counts as at risk (`atRisk`: due within one working
 * day), if nothing else happens to it; null when it cannot be at risk without a new event (ended,
 * not received, waiting for the applicant, or already overdue by its history). It is at risk at t
 * (from the last change on) exactly when atRiskFrom <= t and it is not overdue at t, i.e. t <
 * overdueFrom.
 */
export function atRiskFrom(
  snapshot: DossierSnapshot,
  calendarConfig: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): Date | null {
  const d = snapshot;
  if (d.receivedAt === null || d.endedAt !== null) return null;
  const due = dueAtInForce(d, AFTER_EVERYTHING);
  if (due === null || overdueByHistoryFrom(d, policy) !== null) return null;
  if (d.pauses.some((p) => p.endedAt === null && (p.kind === 'supplement' || p.kind === 'payment')))
    return null;
  return new Date(firstWithinOneWorkingDay(due.getTime(), calendarConfig));
}

/**
 * The time facts SQL filters on, written with every change of the dossier. `atRiskFrom` is not
 * null exactly while the clock counts towards the appointment in force (received, not ended, not
 * waiting for the applicant, not overdue by its history), so the queue's "due today" is that and
 * the appointment on today's date: a paused dossier is not due today, as `dossierTime` says.
 */
export interface DossierTimeFacts {
  overdueFrom: Date | null;
  atRiskFrom: Date | null;
}

/**
 * Both instants at once, for the store: a queue's `overdue` filter is `overdue_from <= now`, its
 * `atRisk` filter `at_risk_from <= now AND (overdue_from IS NULL OR overdue_from > now)`.
 */
export function dossierTimeFacts(
  snapshot: DossierSnapshot,
  calendarConfig: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): DossierTimeFacts {
  return {
    overdueFrom: overdueFrom(snapshot, calendarConfig, policy),
    atRiskFrom: atRiskFrom(snapshot, calendarConfig, policy),
  };
}

/**
 * The first instant t (to the millisecond) with due <= addWorkingDays(t, 1), the test atRisk
 * makes. addWorkingDays never goes back as t moves on and is always later than t, so a search
 * between an instant too early and `due` itself finds it with atRisk's own arithmetic.
 */
function firstWithinOneWorkingDay(due: number, cal: CalendarConfig): number {
  const within = (t: number) => addWorkingDays(new Date(t), 1, cal).getTime() >= due;
  const WEEK = 7 * 86_400_000;
  let low = due - WEEK;
  for (let i = 0; within(low); i++) {
    if (i > 60) throw new Error('no working day in over a year before the appointment');
    low -= WEEK;
  }
  let high = due;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (within(mid)) high = mid;
    else low = mid;
  }
  return high;
}

function workingTime(hours: number, cal: CalendarConfig): WorkingTime {
  const workingMinutes = Math.round(hours * 60);
  const hoursPerDay = hoursOfWorkingDay(cal);
  const minutesPerDay = Math.round(hoursPerDay * 60);
  const size = Math.abs(workingMinutes);
  const days = Math.floor(size / minutesPerDay);
  const rest = size - days * minutesPerDay;
  return {
    workingMinutes: workingMinutes === 0 ? 0 : workingMinutes,
    days,
    hours: Math.floor(rest / 60),
    minutes: rest % 60,
    hoursPerDay,
  };
}

/** The forms the dossier has something for: the receipt once received, 02 after a supplement request, … */
export function formsAvailable(d: DossierSnapshot): DossierForm[] {
  const forms: DossierForm[] = [];
  if (d.receivedAt) forms.push('01');
  if (d.supplementRequests > 0) forms.push('02');
  if (d.state === 'refused') forms.push('03');
  if (d.extension) forms.push('04');
  if (d.state === 'stopped') forms.push('05');
  if (d.receivedAt) forms.push('06', '07');
  return forms;
}

const iso = (t: Date | null | undefined) => (t ? t.toISOString() : null);

/** The dossier's time at `at`, as every screen shows it. */
export function dossierTime(
  snapshot: DossierSnapshot,
  at: Date,
  calendarConfig: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): DossierTime {
  const d = snapshot;
  const t = at.getTime();
  const ended = d.endedAt !== null && ms(d.endedAt) <= t;
  const received = d.receivedAt !== null && ms(d.receivedAt) <= t;
  const due = dueAtInForce(d, at);
  const pause = ended ? undefined : openPauseAt(d, t);
  const clock: ClockState = ended
    ? 'ended'
    : !received
      ? d.state === 'submitted'
        ? 'awaiting_acceptance'
        : 'none'
      : pause && pause.kind !== 'inter_agency'
        ? 'stopped'
        : 'running';
  let remaining: WorkingTime | null = null;
  if (due && clock === 'running')
    remaining = workingTime(workingHoursBetween(at, due, calendarConfig), calendarConfig);
  if (due && clock === 'stopped' && pause?.kind === 'payment')
    remaining = workingTime(
      workingHoursBetween(new Date(pause.startedAt), due, calendarConfig),
      calendarConfig,
    );
  return {
    at: at.toISOString(),
    clock,
    dueAt: iso(due),
    originalDueAt: d.originalDueAt,
    remaining,
    timeliness: classify(d, at, policy),
    atRisk: atRisk(d, at, calendarConfig, policy),
    pause: pause
      ? {
          kind: pause.kind,
          since: pause.startedAt,
          limitAt: pause.limitAt,
          clockRuns: pause.kind === 'inter_agency',
        }
      : null,
    withdrawalRequestedAt: !ended && d.withdrawal ? d.withdrawal.requestedAt : null,
    acceptance:
      d.acceptanceDueAt && !received && !ended
        ? { dueAt: d.acceptanceDueAt, overdue: acceptanceOverdue(d, at) }
        : null,
    endedAt: ended ? d.endedAt : null,
    endKind: ended ? d.endKind : null,
    overdueFrom: iso(overdueFrom(d, calendarConfig, policy)),
    atRiskFrom: iso(atRiskFrom(d, calendarConfig, policy)),
  };
}

/** The dossier's time, plus what the viewer may do now and the forms there are to print. */
export function dossierReadModel(
  snapshot: DossierSnapshot,
  at: Date,
  calendarConfig: CalendarConfig,
  policy: CountingPolicy,
  viewer: DossierViewer,
): DossierReadModel {
  return {
    ...dossierTime(snapshot, at, calendarConfig, policy),
    actions: openActions(snapshot, viewer.actor, {
      now: at,
      calendar: calendarConfig,
      supplementLimitWorkingDays: viewer.supplementLimitWorkingDays,
      policy,
      applicantIdHmac: viewer.applicantIdHmac,
    }),
    forms: formsAvailable(snapshot),
  };
}
