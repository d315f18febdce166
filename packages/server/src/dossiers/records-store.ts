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

/** Adds `delta` to a day's counter of the receiving unit, by field and channel (Biểu số 06). */
export async function bumpCounter(
  tx: Queryable,
  c: {
    agencyId: string;
    unitId: string;
    fieldCode: string;
    channel: string;
    day: string;
    metric: string;
  },
  delta = 1,
): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_counter (agency_id, unit_id, field_code, channel, day, metric, n) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (agency_id, unit_id, field_code, channel, day, metric) DO UPDATE SET n = dossier_counter.n + EXCLUDED.n`,
    [c.agencyId, c.unitId, c.fieldCode, c.channel, c.day, c.metric, delta],
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
