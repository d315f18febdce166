import type { CalendarConfig } from '../calendar/config.ts';
import { vietnamDateOf } from '../calendar/working-time.ts';
import { classify } from '../dossier/deadlines.ts';
import type { CountingPolicy } from '../dossier/policies.ts';
import { overdueFrom } from '../dossier/read-model.ts';
import type { DossierSnapshot } from '../dossier/snapshot.ts';

/**
 * The statistics counters (dossier_counter) a dossier action changes, so that Biểu số 06 reads
 * groups (agency, unit, field, channel, day), never dossiers. Two kinds of metric:
 *
 * - events, counted on the Vietnam day they happen: `received`; the end of processing as
 *   `resolved_early` / `resolved_on_time` / `resolved_late` (processed with a result granted),
 *   `ended_refused` (processed with a refusal, từ chối giải quyết), `ended_withdrawn`,
 *   `ended_stopped`, all on the day of the end (for a withdrawal, the day the citizen asked);
 *   a dossier that ended without ever being received counts under `not_received_<kind>`;
 * - states, kept as deltas so that the state at the end of any day is the sum of the deltas up to
 *   that day: `open` (+1 the day it is received, -1 the day it ends) and `overdue` (+1 the day it
 *   becomes overdue, -1 the day it stops being overdue or ends).
 *
 * An open dossier's future is known from its snapshot (`overdueFrom`), so the +1 of `overdue` is
 * written ahead, on the day it will become overdue. An action changes only what the dossier's
 * future looked like from its own instant on (or from the end of processing, for a withdrawal
 * that ends at the earlier request): the counters of the snapshot before are taken back from that
 * day, and those of the snapshot after are added.
 */

export const REPORTED_METRICS = [
  'received',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'ended_refused',
  'ended_withdrawn',
  'ended_stopped',
  'open',
  'overdue',
] as const;
export type ReportedMetric = (typeof REPORTED_METRICS)[number];

export interface CounterDelta {
  /** Vietnam date, YYYY-MM-DD. */
  day: string;
  metric: string;
  delta: number;
}

const dayOf = (instant: string | Date) => vietnamDateOf(new Date(instant));
const later = (a: string, b: string) => (a > b ? a : b);

/** Which column of the report a received dossier's end belongs to. */
export function endMetric(d: DossierSnapshot, policy: CountingPolicy): string | null {
  if (d.endedAt === null) return null;
  const kind = d.endKind ?? 'stopped';
  if (d.receivedAt === null) return `not_received_${kind}`;
  if (kind === 'refused' || ((kind === 'processed' || kind === 'returned') && d.outcome === 'refused'))
    return 'ended_refused';
  if (kind === 'withdrawn') return 'ended_withdrawn';
  if (kind === 'stopped') return 'ended_stopped';
  return `resolved_${classify(d, new Date(d.endedAt), policy) ?? 'on_time'}`;
}

/**
 * What the state counters of one dossier hold from a day on: the day it counts as open from and
 * the day it counts as overdue from (null: not counted). The server keeps it with the dossier, so
 * that an action takes back exactly what was written, even when the agency's reading of Decision
 * 766 changed in between.
 */
export interface HeldStates {
  open: string | null;
  overdue: string | null;
}

/** The state counters a snapshot holds from day `from` on. */
export function heldStates(
  d: DossierSnapshot | null,
  from: string,
  cal: CalendarConfig,
  policy: CountingPolicy,
): HeldStates {
  if (!d || d.receivedAt === null || d.endedAt !== null) return { open: null, overdue: null };
  const overdue = overdueFrom(d, cal, policy);
  return { open: later(dayOf(d.receivedAt), from), overdue: overdue ? later(dayOf(overdue), from) : null };
}

/**
 * The counter changes of one accepted action, from the snapshot before (null: created) to after,
 * and what the state counters hold afterwards. `held` is what they held before (by default, what
 * the snapshot before gives under today's policy).
 */
export function counterDeltas(
  before: DossierSnapshot | null,
  after: DossierSnapshot,
  now: Date,
  cal: CalendarConfig,
  policy: CountingPolicy,
  held?: HeldStates,
): { deltas: CounterDelta[]; holds: HeldStates } {
  const sums = new Map<string, number>();
  const add = (metric: string, day: string | null, delta: number) => {
    if (day === null) return;
    const key = `${metric}\u0000${day}`;
    sums.set(key, (sums.get(key) ?? 0) + delta);
  };
  if (!before?.receivedAt && after.receivedAt) add('received', dayOf(after.receivedAt), 1);
  const ends = !before?.endedAt && after.endedAt !== null;
  if (ends) add(endMetric(after, policy)!, dayOf(after.endedAt!), 1);

  // From which day the two snapshots may disagree: the action's own day, or an earlier end.
  const from = ends ? [dayOf(now), dayOf(after.endedAt!)].sort()[0]! : dayOf(now);
  const was = held ?? heldStates(before, from, cal, policy);
  const is = heldStates(after, from, cal, policy);
  const since = (day: string | null) => (day === null ? null : later(day, from));
  add('open', since(was.open), -1);
  add('open', is.open, 1);
  add('overdue', since(was.overdue), -1);
  add('overdue', is.overdue, 1);

  const deltas = [...sums]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const [metric, day] = key.split('\u0000') as [string, string];
      return { day, metric, delta };
    });
  return { deltas, holds: is };
}
