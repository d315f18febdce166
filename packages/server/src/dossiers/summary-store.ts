import type { Queryable } from '../db/database.ts';
import { dueTodaySql, queueAgencies, vietnamDayBounds } from './list.ts';

/**
 * The counts of the work summary in one grouped query. Each FILTER is the condition `listDossiers`
 * applies for the queue the count links to (list.ts), so a count is always that queue's total.
 */
export interface WorkCounts {
  toReceive: number;
  toProcess: number;
  dueToday: number;
  atRisk: number;
  overdue: number;
  toApprove: number;
}

const OPEN = "d.ended_at IS NULL AND d.state NOT IN ('refused', 'stopped', 'returned')";

export async function countWork(
  db: Queryable,
  q: { scope: readonly string[]; userId: string; now: Date },
): Promise<WorkCounts> {
  const day = vietnamDayBounds(q.now);
  const [row] = await db.query<WorkCounts>(
    `SELECT
       count(*) FILTER (WHERE d.state = 'submitted')::int AS "toReceive",
       count(*) FILTER (WHERE d.assignee_id = $2 AND ${OPEN})::int AS "toProcess",
       count(*) FILTER (WHERE ${dueTodaySql('$3', '$4')} AND ${OPEN})::int AS "dueToday",
       count(*) FILTER (WHERE d.at_risk_from <= $5 AND (d.overdue_from IS NULL OR d.overdue_from > $5))::int AS "atRisk",
       count(*) FILTER (WHERE d.overdue_from <= $5)::int AS "overdue",
       count(*) FILTER (WHERE d.state = 'awaiting_approval')::int AS "toApprove"
     FROM dossier d
     WHERE d.agency_id = ANY($6::uuid[])
       AND (d.agency_id = ANY($1::uuid[]) OR d.receiving_unit_id = ANY($1::uuid[]) OR d.current_unit_id = ANY($1::uuid[]))`,
    [q.scope, q.userId, day.start, day.end, q.now, await queueAgencies(db, [...q.scope])],
  );
  return row ?? { toReceive: 0, toProcess: 0, dueToday: 0, atRisk: 0, overdue: 0, toApprove: 0 };
}
