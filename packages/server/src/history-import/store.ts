import { IMPORTED_EVENT_ACTION } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** The SQL of the history import: what it looks up before replaying, and what it adds after. */

export interface ImportAgency {
  id: string;
  name: string;
}

export async function findAgency(db: Queryable, code: string): Promise<ImportAgency | null> {
  const [row] = await db.query<ImportAgency>(
    `SELECT id, name FROM org_unit WHERE code = $1 AND kind = 'agency'`,
    [code],
  );
  return row ?? null;
}

export interface ImportProcedure {
  id: string;
  fieldCode: string;
  status: string;
}

/** The agency's procedures by code, whatever their status (the engine refuses those not in force). */
export async function agencyProcedures(
  db: Queryable,
  agencyId: string,
): Promise<Map<string, ImportProcedure>> {
  const rows = await db.query<{ id: string; code: string; field_code: string; status: string }>(
    'SELECT id, code, field_code, status FROM procedure WHERE agency_id = $1',
    [agencyId],
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, fieldCode: r.field_code, status: r.status }]));
}

export async function unitIdsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM org_unit WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * One import of an agency at a time, until the transaction ends: a second one waits and then sees
 * the first one's markers, so the same file sent twice at once is still imported once.
 */
export async function lockAgencyImports(db: Queryable, agencyId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('motcua.history-import:' || $1))`, [agencyId]);
}

export interface ImportedMarker {
  dossierId: string;
  code: string | null;
  previousCode: string | null;
  sourceDigest: string;
}

/**
 * Which of the file's dossiers an earlier import already made: the agency's `imported` markers
 * with one of the file's previous codes or source digests. Both are indexed (migration 0022), so
 * a file costs its own size, not the agency's whole history.
 */
export async function importedMarkers(
  db: Queryable,
  agencyId: string,
  previousCodes: readonly string[],
  digests: readonly string[],
): Promise<ImportedMarker[]> {
  const rows = await db.query<{
    dossier_id: string;
    code: string | null;
    previous_code: string | null;
    source_digest: string;
  }>(
    `SELECT e.dossier_id, d.code, e.payload->>'previousCode' AS previous_code, e.payload->>'sourceDigest' AS source_digest
       FROM dossier_event e JOIN dossier d ON d.agency_id = e.agency_id AND d.id = e.dossier_id
      WHERE e.agency_id = $1 AND e.action = $2
        AND (e.payload->>'previousCode' = ANY($3::text[]) OR e.payload->>'sourceDigest' = ANY($4::text[]))`,
    [agencyId, IMPORTED_EVENT_ACTION, previousCodes, digests],
  );
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    code: r.code,
    previousCode: r.previous_code,
    sourceDigest: r.source_digest,
  }));
}

/** Staff find an imported dossier by its previous code too, in the queue's search. */
export async function addSearchText(
  db: Queryable,
  agencyId: string,
  dossierId: string,
  folded: string,
): Promise<void> {
  await db.query(
    `UPDATE dossier SET search_text = search_text || ' ' || $2 WHERE agency_id = $3 AND id = $1`,
    [dossierId, folded, agencyId],
  );
}

export interface ImportedDossierRow {
  id: string;
  code: string | null;
  state: string;
  version: number;
  snapshot: import('@motcua/core').DossierSnapshot;
}

export async function dossierForReplay(
  db: Queryable,
  agencyId: string,
  id: string,
): Promise<ImportedDossierRow> {
  const [row] = await db.query<ImportedDossierRow>(
    'SELECT id, code, state, version, snapshot FROM dossier WHERE agency_id = $1 AND id = $2',
    [agencyId, id],
  );
  if (!row) throw new Error(`dossier ${id} vanished during its import`);
  return row;
}
