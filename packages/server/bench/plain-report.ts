import type { Queryable } from '../src/db/database.ts';

/**
 * The plain way to count Biểu số 06, for comparison only: one GROUP BY over every dossier of the
 * agency and the events that ended them, the same columns the counters give (timeliness by the
 * end against the due instant). Its cost grows with the dossiers and events the agency ever had;
 * the report from counters grows with the number of groups (unit, field, channel, day).
 */
const ENDING_ACTIONS = ['approve', 'accept_withdrawal', 'stop', 'close_unsupplemented', 'refuse'];

export async function plainReport06(db: Queryable, agencyId: string, from: string, to: string) {
  const start = `${from}T00:00:00+07:00`;
  const end = new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000).toISOString();
  return db.query<Record<string, number | string>>(
    `WITH ends AS (
       SELECT e.dossier_id, max(e.at) AS at,
              (array_agg(e.action ORDER BY e.at DESC))[1] AS action,
              (array_agg(e.payload->>'outcome' ORDER BY e.at DESC))[1] AS outcome
         FROM dossier_event e
        WHERE e.agency_id = $1 AND e.action = ANY($4::text[])
        GROUP BY e.dossier_id)
     SELECT d.field_code,
            count(*) FILTER (WHERE d.received_at >= $2 AND d.received_at < $3 AND d.channel = 'online')::int AS received_online,
            count(*) FILTER (WHERE d.received_at >= $2 AND d.received_at < $3 AND d.channel <> 'online')::int AS received_direct,
            count(*) FILTER (WHERE d.received_at < $2 AND (x.at IS NULL OR x.at >= $2))::int AS carried_over,
            count(*) FILTER (WHERE x.at >= $2 AND x.at < $3 AND x.action = 'approve' AND x.outcome IS DISTINCT FROM 'refused'
                               AND (x.at AT TIME ZONE 'UTC' + interval '7 hours')::date < (d.due_at AT TIME ZONE 'UTC' + interval '7 hours')::date)::int AS resolved_early,
            count(*) FILTER (WHERE x.at >= $2 AND x.at < $3 AND x.action = 'approve' AND x.outcome IS DISTINCT FROM 'refused'
                               AND (x.at AT TIME ZONE 'UTC' + interval '7 hours')::date = (d.due_at AT TIME ZONE 'UTC' + interval '7 hours')::date)::int AS resolved_on_time,
            count(*) FILTER (WHERE x.at >= $2 AND x.at < $3 AND x.action = 'approve' AND x.at > d.due_at
                               AND x.outcome IS DISTINCT FROM 'refused')::int AS resolved_late,
            count(*) FILTER (WHERE x.at >= $2 AND x.at < $3 AND (x.outcome = 'refused' OR x.action = 'refuse'))::int AS refused,
            count(*) FILTER (WHERE x.at >= $2 AND x.at < $3 AND x.action = 'accept_withdrawal')::int AS withdrawn,
            count(*) FILTER (WHERE x.at >= $2 AND x.at < $3 AND x.action IN ('stop', 'close_unsupplemented'))::int AS stopped,
            count(*) FILTER (WHERE d.received_at < $3 AND (x.at IS NULL OR x.at >= $3)
                               AND (d.overdue_from IS NULL OR d.overdue_from >= $3))::int AS pending_in_time,
            count(*) FILTER (WHERE d.received_at < $3 AND (x.at IS NULL OR x.at >= $3) AND d.overdue_from < $3)::int AS pending_overdue
       FROM dossier d LEFT JOIN ends x ON x.dossier_id = d.id
      WHERE d.agency_id = $1 AND d.received_at IS NOT NULL
      GROUP BY d.field_code
      ORDER BY d.field_code`,
    [agencyId, start, end, ENDING_ACTIONS],
  );
}
