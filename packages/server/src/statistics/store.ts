import { type Channel, type CounterSum, REPORTED_METRICS } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/**
 * The SQL of the statistics: the counters of one agency summed per field, channel and metric,
 * before a period and within it. It reads groups (unit, field, channel, day), never dossiers.
 */

export interface ReportScope {
  agencyId: string;
  /** Receiving units to count (a unit and those below it); null for the whole agency. */
  unitIds: readonly string[] | null;
  fieldCode: string | null;
  /** Vietnam dates, YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

export async function counterSums(db: Queryable, scope: ReportScope): Promise<CounterSum[]> {
  const rows = await db.query<{
    field_code: string;
    channel: Channel;
    metric: string;
    before: number;
    within: number;
  }>(
    `SELECT field_code, channel, metric,
            COALESCE(sum(n) FILTER (WHERE day < $2::date), 0)::int AS before,
            COALESCE(sum(n) FILTER (WHERE day >= $2::date), 0)::int AS within
       FROM dossier_counter
      WHERE agency_id = $1 AND day <= $3::date AND metric = ANY($4::text[])
        AND ($5::uuid[] IS NULL OR unit_id = ANY($5::uuid[])) AND ($6::text IS NULL OR field_code = $6)
      GROUP BY field_code, channel, metric`,
    [scope.agencyId, scope.from, scope.to, [...REPORTED_METRICS], scope.unitIds, scope.fieldCode],
  );
  return rows.map((r) => ({
    field: r.field_code,
    channel: r.channel,
    metric: r.metric,
    before: Number(r.before),
    within: Number(r.within),
  }));
}

/** Field names (lĩnh vực) by code, in Vietnamese or, when there is one, English. */
export async function fieldNames(db: Queryable, locale: 'vi' | 'en'): Promise<Record<string, string>> {
  const rows = await db.query<{ code: string; name: string; name_en: string | null }>(
    'SELECT code, name, name_en FROM field',
  );
  return Object.fromEntries(rows.map((r) => [r.code, locale === 'en' && r.name_en ? r.name_en : r.name]));
}

export interface ReportUnit {
  id: string;
  name: string;
  kind: string;
  agencyId: string | null;
  parentName: string | null;
}

export async function reportUnit(db: Queryable, id: string): Promise<ReportUnit | null> {
  const [row] = await db.query<{
    id: string;
    name: string;
    kind: string;
    agency_id: string | null;
    parent_name: string | null;
  }>(
    `SELECT u.id, u.name, u.kind, u.agency_id, p.name AS parent_name
       FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.id = $1`,
    [id],
  );
  return row
    ? { id: row.id, name: row.name, kind: row.kind, agencyId: row.agency_id, parentName: row.parent_name }
    : null;
}

/** The agency a unit belongs to (itself for an agency), null above agency level. */
export async function agencyOfUnit(db: Queryable, unitId: string): Promise<string | null> {
  const [row] = await db.query<{ agency_id: string | null }>('SELECT agency_id FROM org_unit WHERE id = $1', [
    unitId,
  ]);
  return row?.agency_id ?? null;
}
