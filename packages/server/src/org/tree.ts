import type { Queryable } from '../db/database.ts';

/** The unit and every unit above it, nearest first. */
export async function ancestorIds(db: Queryable, unitId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM org_unit WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id WHERE up.depth < 64
     ) SELECT id FROM up ORDER BY depth`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** The given units and every unit below them. */
export async function descendantIds(db: Queryable, rootIds: readonly string[]): Promise<Set<string>> {
  if (rootIds.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT id, 0 FROM org_unit WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT o.id, down.depth + 1 FROM org_unit o JOIN down ON o.parent_id = down.id WHERE down.depth < 64
     ) SELECT DISTINCT id FROM down`,
    [rootIds],
  );
  return new Set(rows.map((r) => r.id));
}

/** For each given unit, the unit and every unit above it, in one query. */
export async function ancestorChains(
  db: Queryable,
  unitIds: readonly string[],
): Promise<Map<string, string[]>> {
  const chains = new Map<string, string[]>();
  if (unitIds.length === 0) return chains;
  const rows = await db.query<{ start_id: string; id: string }>(
    `WITH RECURSIVE up(start_id, id, parent_id, depth) AS (
       SELECT id, id, parent_id, 0 FROM org_unit WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT up.start_id, o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id WHERE up.depth < 64
     ) SELECT start_id, id FROM up ORDER BY start_id, depth`,
    [[...new Set(unitIds)]],
  );
  for (const r of rows) chains.set(r.start_id, [...(chains.get(r.start_id) ?? []), r.id]);
  return chains;
}
