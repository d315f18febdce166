import type { Index766Override } from '@motcua/core';
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
