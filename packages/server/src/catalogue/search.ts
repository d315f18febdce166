import { type OnlineLevel, type ProcedureContent, type ProcedureStatus, searchTerms } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** Statuses citizens see: a procedure in force, as first issued or as amended. */
export const PUBLIC_STATUSES: readonly ProcedureStatus[] = ['in_force', 'amended'];

export interface CatalogueQuery {
  q?: string | undefined;
  field?: string | undefined;
  agency?: string | undefined;
  onlineLevel?: OnlineLevel | undefined;
  statuses: readonly ProcedureStatus[];
  /** Restrict to these agencies (an editor's scope); undefined = all. */
  agencyIds?: readonly string[] | undefined;
  page: number;
  pageSize: number;
}

export interface CatalogueRow {
  id: string;
  code: string;
  name: string;
  status: ProcedureStatus;
  field_code: string;
  field_name: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  online_level: OnlineLevel;
  content: ProcedureContent | null;
  draft_content: ProcedureContent | null;
  version: number | null;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Accent-insensitive search over code and name: every term of the query must appear in the
 * folded text ("giay phep lao dong" finds "Cấp giấy phép lao động…"). Whole-phrase matches first.
 */
export async function searchCatalogue(
  db: Queryable,
  query: CatalogueQuery,
): Promise<{ rows: CatalogueRow[]; total: number }> {
  const where: string[] = ['p.status = ANY($1::text[])'];
  const params: unknown[] = [query.statuses];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  const terms = query.q ? searchTerms(query.q) : [];
  for (const term of terms) add((n) => `p.search_text LIKE $${n}`, `%${escapeLike(term)}%`);
  if (query.field) add((n) => `p.field_code = $${n}`, query.field);
  if (query.agency) add((n) => `p.agency_id = $${n}`, query.agency);
  if (query.onlineLevel) add((n) => `p.online_level = $${n}`, query.onlineLevel);
  if (query.agencyIds) add((n) => `p.agency_id = ANY($${n}::uuid[])`, query.agencyIds);
  const whereSql = where.join(' AND ');
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM procedure p WHERE ${whereSql}`,
    params,
  );
  params.push(`%${escapeLike(terms.join(' '))}%`);
  const phrase = params.length;
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const rows = await db.query<CatalogueRow>(
    `SELECT p.id, p.code, p.name, p.status, p.field_code, f.name AS field_name,
            p.agency_id, a.code AS agency_code, a.name AS agency_name, p.online_level,
            v.content, v.version, d.content AS draft_content
       FROM procedure p
       JOIN field f ON f.code = p.field_code
       JOIN org_unit a ON a.id = p.agency_id
       LEFT JOIN procedure_version v ON v.id = p.current_version_id
       LEFT JOIN procedure_version d ON d.procedure_id = p.id AND d.state = 'draft'
      WHERE ${whereSql}
      ORDER BY CASE WHEN p.search_text LIKE $${phrase} THEN 0 ELSE 1 END, p.name, p.code
      LIMIT $${phrase + 1} OFFSET $${phrase + 2}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}
