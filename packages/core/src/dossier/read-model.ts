import type { CalendarConfig } from '../calendar/config.ts';
import { localDayOf } from '../calendar/working-time.ts';
import { dueAtInForce, lateSupplementRequest, supplementRequestsBy } from './deadlines.ts';
import { type CountingPolicy, DECISION_766_POLICY, isPast } from './policies.ts';
import { type DossierSnapshot, ms } from './snapshot.ts';

const DAY_MS = 86_400_000;
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

/**
 * The first instant at which ending would be late against `due` (isPast turns true): by day, the
 * start of the day after the appointment's day in Vietnam; by instant, just after the appointment.
 */
function firstLateInstant(due: Date, policy: CountingPolicy): Date {
  if (policy.endComparison === 'instant') return new Date(due.getTime() + 1);
  return new Date((localDayOf(due.getTime()) + 1) * DAY_MS - VIETNAM_UTC_OFFSET_MS);
}

/**
 * The instant from which an open dossier counts as overdue (quá hạn) if nothing more happens to
 * it, or null when it cannot become overdue without a new event: not received, ended, or waiting
 * for its one supplement requested in time, or for a payment asked before the due date. The
 * instant may lie in the past (the dossier is overdue already). For every instant `t` at or after
 * the snapshot's last change, `classify(d, t, policy) === 'overdue'` exactly when `t >= overdueFrom`:
 * it reads the same rules (deadlines.ts), in the same order.
 */
export function overdueFrom(
  d: DossierSnapshot,
  _calendarConfig: CalendarConfig,
  policy: CountingPolicy = DECISION_766_POLICY,
): Date | null {
  if (d.receivedAt === null || d.endedAt !== null) return null;
  const last = new Date(d.updatedAt);
  const due = dueAtInForce(d, last);
  if (due === null) return null;
  // Supplements requested more than once, or once after the due date: overdue from that request.
  const requests = d.pauses.filter((p) => p.kind === 'supplement').map((p) => ms(p.startedAt));
  const marks: number[] = [];
  if (supplementRequestsBy(d, last) > 1) marks.push(requests.sort((a, b) => a - b)[1]!);
  const late = lateSupplementRequest(d, last, policy);
  if (late) marks.push(ms(late.startedAt));
  if (marks.length > 0) return new Date(Math.min(...marks));
  const waiting = (kind: string) => d.pauses.find((p) => p.kind === kind && p.endedAt === null);
  if (waiting('supplement')) return null;
  const payment = waiting('payment');
  if (payment && !isPast(new Date(payment.startedAt), due, policy)) return null;
  return firstLateInstant(due, policy);
}
