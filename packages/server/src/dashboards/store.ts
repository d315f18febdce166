import {
  type BucketSum,
  type Channel,
  type Granularity,
  type GroupSum,
  REPORTED_METRICS,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/**
 * The SQL of the dashboards: the counters Biểu số 06 reads (`dossier_counter`), summed per group
 * (period bucket, receiving unit, field, channel, agency), never per dossier.
 */

export interface DashboardScope {
  agencyId: string;
  /** Vietnam dates, both included. */
  from: string;
  to: string;
}

/** Receipts and results per bucket (the month's 1st or the ISO week's Monday) and channel. */
export async function bucketSums(
  db: Queryable,
  scope: DashboardScope,
  granularity: Granularity,
): Promise<BucketSum[]> {
  const rows = await db.query<{ bucket: string; channel: Channel; metric: string; n: number }>(
    `SELECT to_char(date_trunc($4, day::timestamp), 'YYYY-MM-DD') AS bucket, channel, metric, sum(n)::int AS n
       FROM dossier_counter
      WHERE agency_id = $1 AND day >= $2::date AND day <= $3::date
        AND metric = ANY(ARRAY['received', 'resolved_early', 'resolved_on_time', 'resolved_late'])
      GROUP BY 1, channel, metric`,
    [scope.agencyId, scope.from, scope.to, granularity],
  );
  return rows.map((r) => ({ bucket: r.bucket, channel: r.channel, metric: r.metric, n: Number(r.n) }));
}

export interface UnitFieldSum extends Omit<GroupSum, 'key'> {
  unit: string;
  field: string;
}

/** Biểu 06's sums (before the period and within it) per receiving unit, field, channel and metric. */
export async function unitFieldSums(db: Queryable, scope: DashboardScope): Promise<UnitFieldSum[]> {
  const rows = await db.query<{
    unit_id: string;
    field_code: string;
    channel: Channel;
    metric: string;
    before: number;
    within: number;
  }>(
    `SELECT unit_id, field_code, channel, metric,
            COALESCE(sum(n) FILTER (WHERE day < $2::date), 0)::int AS before,
            COALESCE(sum(n) FILTER (WHERE day >= $2::date), 0)::int AS within
       FROM dossier_counter
      WHERE agency_id = $1 AND day <= $3::date AND metric = ANY($4::text[])
      GROUP BY unit_id, field_code, channel, metric`,
    [scope.agencyId, scope.from, scope.to, [...REPORTED_METRICS]],
  );
  return rows.map((r) => ({
    unit: r.unit_id,
    field: r.field_code,
    channel: r.channel,
    metric: r.metric,
    before: Number(r.before),
    within: Number(r.within),
  }));
}

export interface AgencyFieldSum extends Omit<GroupSum, 'key'> {
  agency: string;
  field: string;
}

/** The same sums for every agency, per field: what the public board shows. */
export async function agencyFieldSums(
  db: Queryable,
  period: { from: string; to: string },
): Promise<AgencyFieldSum[]> {
  const rows = await db.query<{
    agency_id: string;
    field_code: string;
    channel: Channel;
    metric: string;
    before: number;
    within: number;
  }>(
    `SELECT agency_id, field_code, channel, metric,
            COALESCE(sum(n) FILTER (WHERE day < $1::date), 0)::int AS before,
            COALESCE(sum(n) FILTER (WHERE day >= $1::date), 0)::int AS within
       FROM dossier_counter
      WHERE day <= $2::date AND metric = ANY($3::text[])
      GROUP BY agency_id, field_code, channel, metric`,
    [period.from, period.to, [...REPORTED_METRICS]],
  );
  return rows.map((r) => ({
    agency: r.agency_id,
    field: r.field_code,
    channel: r.channel,
    metric: r.metric,
    before: Number(r.before),
    within: Number(r.within),
  }));
}

/** Names of organisation units by id. */
export async function unitNames(db: Queryable, ids: readonly string[]): Promise<Record<string, string>> {
  const rows = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM org_unit WHERE id = ANY($1::uuid[])',
    [[...ids]],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
