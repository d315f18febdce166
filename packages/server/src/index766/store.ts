import { type Channel, type DossierSnapshot, type Index766Override, periodInstants } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the Decision 766 targets and points an administrator overrides (migration 0016). */

/** The overrides of one agency (or, with null, the national ones) for a year. */
export async function listIndex766Overrides(
  db: Queryable,
  agencyId: string | null,
  year: number,
): Promise<Index766Override[]> {
  const rows = await db.query<{
    code: string;
    target: string | number | null;
    points: string | number | null;
  }>(
    `SELECT code, target::float8 AS target, points::float8 AS points FROM index766_target
      WHERE agency_id IS NOT DISTINCT FROM $1 AND year = $2 ORDER BY code`,
    [agencyId, year],
  );
  return rows.map((r) => ({
    code: r.code,
    target: r.target === null ? null : Number(r.target),
    points: r.points === null ? null : Number(r.points),
  }));
}

/** Replaces the overrides of one agency (or the national ones) for a year, in the caller's transaction. */
export async function replaceIndex766Overrides(
  db: Queryable,
  agencyId: string | null,
  year: number,
  overrides: readonly Index766Override[],
  by: string,
  at: Date,
): Promise<void> {
  await db.query('DELETE FROM index766_target WHERE agency_id IS NOT DISTINCT FROM $1 AND year = $2', [
    agencyId,
    year,
  ]);
  for (const o of overrides) {
    if (o.target === null && o.points === null) continue;
    await db.query(
      `INSERT INTO index766_target (agency_id, year, code, target, points, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [agencyId, year, o.code, o.target, o.points, by, at],
    );
  }
}

/**
 * The dossiers brought by the history import that may be in a period (received or ended in it),
 * with the instant of their import, for 4.1 and 4.2 to leave out (core's `importedFigures` says
 * which are). Reads only imported dossiers of the period; an agency that imported none reads nothing.
 */
export async function importedDossiersOfPeriod(
  db: Queryable,
  p: { agencyId: string; unitIds: readonly string[] | null; from: string; to: string },
): Promise<{ snapshot: DossierSnapshot; channel: Channel; importedAt: string }[]> {
  const { start, end } = periodInstants(p.from, p.to);
  const rows = await db.query<{ snapshot: DossierSnapshot; channel: Channel; imported_at: Date | string }>(
    `SELECT d.snapshot, d.channel, e.at AS imported_at
       FROM dossier_event e JOIN dossier d ON d.agency_id = e.agency_id AND d.id = e.dossier_id
      WHERE e.agency_id = $1 AND e.action = 'imported'
        AND ((d.received_at >= $2::timestamptz AND d.received_at <= $3::timestamptz)
          OR (d.ended_at >= $2::timestamptz AND d.ended_at <= $3::timestamptz))
        AND ($4::uuid[] IS NULL OR d.receiving_unit_id = ANY($4::uuid[]))`,
    [p.agencyId, new Date(start).toISOString(), new Date(end).toISOString(), p.unitIds],
  );
  return rows.map((r) => ({
    snapshot: r.snapshot,
    channel: r.channel,
    importedAt: new Date(r.imported_at).toISOString(),
  }));
}
