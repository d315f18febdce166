import type { ProcedureContent, ProcedureStatus } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { PUBLIC_STATUSES } from './search.ts';

/** The public catalogue's reads: one procedure in force, the fields and the agencies that have some. */

/** A procedure the public may see, with its version in force, agency and field; null when there is none. */
export async function publicProcedure(db: Queryable, id: string) {
  const [row] = await db.query<{
    id: string;
    status: ProcedureStatus;
    version: number;
    effective_from: string | null;
    published_at: Date | null;
    content: ProcedureContent;
    agency_id: string;
    agency_code: string;
    agency_name: string;
    field_name: string;
  }>(
    `SELECT p.id, p.status, v.version, v.effective_from, v.published_at, v.content,
            a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, f.name AS field_name
       FROM procedure p
       JOIN procedure_version v ON v.id = p.current_version_id
       JOIN org_unit a ON a.id = p.agency_id
       JOIN field f ON f.code = p.field_code
      WHERE p.id = $1 AND p.status = ANY($2::text[])`,
    [id, PUBLIC_STATUSES],
  );
  return row ?? null;
}

/** Fields (lĩnh vực) with their number of procedures in force. */
export function fieldsWithCounts(db: Queryable) {
  return db.query<{ code: string; name: string; count: number }>(
    `SELECT f.code, f.name, count(p.id)::int AS count
     FROM field f LEFT JOIN procedure p ON p.field_code = f.code AND p.status = ANY($1::text[])
    GROUP BY f.code, f.name ORDER BY f.name`,
    [PUBLIC_STATUSES],
  );
}

/** Agencies that have procedures in force. */
export function agenciesWithProcedures(db: Queryable) {
  return db.query<{ id: string; code: string; name: string }>(
    `SELECT a.id, a.code, a.name FROM org_unit a
    WHERE a.kind = 'agency' AND EXISTS (SELECT 1 FROM procedure p WHERE p.agency_id = a.id AND p.status = ANY($1::text[]))
    ORDER BY a.name`,
    [PUBLIC_STATUSES],
  );
}

/** The public procedures with this code (unique within an agency; across agencies there may be two). */
export async function publicProceduresByCode(db: Queryable, code: string, statuses: readonly string[]) {
  return db.query<{ id: string; code: string }>(
    'SELECT id, code FROM procedure WHERE upper(code) = upper($1) AND status = ANY($2::text[]) ORDER BY id LIMIT 2',
    [code, statuses],
  );
}
