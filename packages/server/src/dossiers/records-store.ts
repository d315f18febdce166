import type { Queryable } from '../db/database.ts';
import { timeOrderedId } from '../db/time-ordered-id.ts';

/** The control sheet's rows (mẫu 06) and the statistics counters an accepted action writes. */

export interface HandoverWrite {
  agencyId: string;
  dossierId: string;
  at: Date;
  from: { unitId: string | null; userId: string | null };
  to: { unitId: string | null; userId: string | null };
  stepName: string | null;
  stepDueAt: string | null;
  result: string | null;
  /** The action that made the hand-over. */
  note: string;
}

export async function appendHandover(tx: Queryable, h: HandoverWrite): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_handover (id, agency_id, dossier_id, seq, at, from_unit_id, from_user_id, to_unit_id, to_user_id,
                                   step_name, step_due_at, result, note)
     SELECT $1::uuid, $2::uuid, $3::uuid, COALESCE(max(seq), 0)::int + 1, $4::timestamptz, $5::uuid, $6::uuid,
            $7::uuid, $8::uuid, $9::text, $10::timestamptz, $11::text, $12::text
       FROM dossier_handover WHERE agency_id = $2::uuid AND dossier_id = $3::uuid`,
    [
      timeOrderedId(),
      h.agencyId,
      h.dossierId,
      h.at,
      h.from.unitId,
      h.from.userId,
      h.to.unitId,
      h.to.userId,
      h.stepName,
      h.stepDueAt,
      h.result,
      h.note,
    ],
  );
}

/**
 * Adds each delta to its day's counter of the receiving unit, by field and channel (Biểu số 06), in
 * one statement. Deltas of the same day and metric are summed first (one INSERT … ON CONFLICT may
 * not touch a row twice), and rows go in key order, so that two actions of the same group lock
 * their counters in the same order.
 */
export async function bumpCounters(
  tx: Queryable,
  group: { agencyId: string; unitId: string; fieldCode: string; channel: string },
  deltas: readonly { day: string; metric: string; delta: number }[],
): Promise<void> {
  const sums = new Map<string, { day: string; metric: string; n: number }>();
  for (const d of deltas) {
    const key = `${d.day}|${d.metric}`;
    const sum = sums.get(key);
    if (sum) sum.n += d.delta;
    else sums.set(key, { day: d.day, metric: d.metric, n: d.delta });
  }
  if (sums.size === 0) return;
  const rows = [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  await tx.query(
    `INSERT INTO dossier_counter (agency_id, unit_id, field_code, channel, day, metric, n)
     SELECT $1::uuid, $2::uuid, $3::text, $4::text, day, metric, n
       FROM unnest($5::date[], $6::text[], $7::int[]) AS d(day, metric, n)
     ON CONFLICT (agency_id, unit_id, field_code, channel, day, metric) DO UPDATE SET n = dossier_counter.n + EXCLUDED.n`,
    [
      group.agencyId,
      group.unitId,
      group.fieldCode,
      group.channel,
      rows.map((r) => r.day),
      rows.map((r) => r.metric),
      rows.map((r) => r.n),
    ],
  );
}

/** The days the state counters hold a dossier as open and as overdue from, or null before its first action. */
export async function countedDays(
  tx: Queryable,
  agencyId: string,
  dossierId: string,
): Promise<{ open: string | null; overdue: string | null } | null> {
  const [held] = await tx.query<{ open_day: string | null; overdue_day: string | null }>(
    'SELECT open_day::text, overdue_day::text FROM dossier_counted WHERE agency_id = $1 AND dossier_id = $2',
    [agencyId, dossierId],
  );
  return held ? { open: held.open_day, overdue: held.overdue_day } : null;
}

/** Records what the state counters now hold for the dossier, for its next action to take back. */
export async function setCountedDays(
  tx: Queryable,
  d: { dossierId: string; agencyId: string },
  holds: { open: string | null; overdue: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_counted (dossier_id, agency_id, open_day, overdue_day) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agency_id, dossier_id) DO UPDATE SET open_day = EXCLUDED.open_day, overdue_day = EXCLUDED.overdue_day`,
    [d.dossierId, d.agencyId, holds.open, holds.overdue],
  );
}
