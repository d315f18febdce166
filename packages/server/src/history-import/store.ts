import { IMPORTED_EVENT_ACTION } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import type { NewEvent } from '../dossiers/audit-chain.ts';
import type { HandoverWrite } from '../dossiers/records-store.ts';

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
    // One index look-up per key of the file (the partial indexes of migration 0022, one entry per
    // imported dossier), written per key so that no estimate can turn it into a read of every
    // event: `= ANY(<2 000 keys>)` is estimated as matching all of them whenever statistics on the
    // keys are missing (PGlite has no autovacuum; migration 0038 adds them for PostgreSQL). The
    // action is written in the statement, so the indexes' condition matches in any cached plan;
    // OFFSET 0 keeps each look-up a probe of its own key (not merged into one read of the index).
    `SELECT m.* FROM unnest($2::text[]) AS k(code)
       CROSS JOIN LATERAL (SELECT e.dossier_id, d.code, e.payload->>'previousCode' AS previous_code,
                                  e.payload->>'sourceDigest' AS source_digest
                             FROM dossier_event e JOIN dossier d ON d.agency_id = e.agency_id AND d.id = e.dossier_id
                            WHERE e.agency_id = $1 AND e.action = '${IMPORTED_EVENT_ACTION}'
                              AND e.payload->>'previousCode' = k.code OFFSET 0) m
     UNION
     SELECT m.* FROM unnest($3::text[]) AS k(digest)
       CROSS JOIN LATERAL (SELECT e.dossier_id, d.code, e.payload->>'previousCode' AS previous_code,
                                  e.payload->>'sourceDigest' AS source_digest
                             FROM dossier_event e JOIN dossier d ON d.agency_id = e.agency_id AND d.id = e.dossier_id
                            WHERE e.agency_id = $1 AND e.action = '${IMPORTED_EVENT_ACTION}'
                              AND e.payload->>'sourceDigest' = k.digest OFFSET 0) m`,
    [agencyId, previousCodes, digests],
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

/** An organisation unit as the bulk replay checks receipts at it (service.ts receivingUnitFor). */
export interface BulkUnit {
  id: string;
  code: string;
  kind: import('@motcua/core').UnitKind;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Every unit (a reference table, small): receiving units are checked and step units found in memory. */
export async function bulkUnits(db: Queryable): Promise<BulkUnit[]> {
  return db.query<BulkUnit>(
    `SELECT id, code, kind, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo" FROM org_unit`,
  );
}

/**
 * Takes `n` numbers of each (unit code, day) sequence at once, as `nextSequenceNumber` does one at
 * a time (the upsert locks the rows until commit); returns the last number taken, by
 * `unitCode + '\u0000' + day`.
 */
export async function allocateSequenceNumbers(
  db: Queryable,
  wanted: readonly { unitCode: string; day: string; n: number }[],
): Promise<Map<string, number>> {
  if (wanted.length === 0) return new Map();
  const rows = await db.query<{ unit_code: string; day: string; last_number: number }>(
    `INSERT INTO dossier_sequence (unit_code, day, last_number)
     SELECT * FROM unnest($1::text[], $2::date[], $3::int[])
     ON CONFLICT (unit_code, day) DO UPDATE SET last_number = dossier_sequence.last_number + EXCLUDED.last_number
     RETURNING unit_code, day::text AS day, last_number`,
    [wanted.map((w) => w.unitCode), wanted.map((w) => w.day), wanted.map((w) => w.n)],
  );
  return new Map(rows.map((r) => [`${r.unit_code}\u0000${r.day}`, r.last_number]));
}

/** The agency's chain head, locked until commit (audit-chain.ts appendEvent does the same per event). */
export async function lockChainHead(
  db: Queryable,
  agencyId: string,
): Promise<{ lastSeq: number; lastHash: string }> {
  await db.query(
    `INSERT INTO audit_chain_head (agency_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (agency_id) DO NOTHING`,
    [agencyId, '0'.repeat(64)],
  );
  const [head] = await db.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq::int AS last_seq, last_hash FROM audit_chain_head WHERE agency_id = $1 FOR UPDATE',
    [agencyId],
  );
  return { lastSeq: head!.last_seq, lastHash: head!.last_hash };
}

export async function setChainHead(
  db: Queryable,
  agencyId: string,
  seq: number,
  hash: string,
): Promise<void> {
  await db.query('UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE agency_id = $1', [
    agencyId,
    seq,
    hash,
  ]);
}

export interface BulkDossier {
  id: string;
  agencyId: string;
  code: string | null;
  procedureId: string;
  procedureVersionId: string;
  fieldCode: string;
  channel: string;
  receivingUnitId: string;
  applicant: unknown;
  applicantIdHmac: string | null;
  searchText: string;
  state: string;
  nationalStatus: number;
  snapshot: import('@motcua/core').DossierSnapshot;
  currentUnitId: string | null;
  assigneeId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  overdueFrom: Date | null;
  atRiskFrom: Date | null;
}

/** An event as the engine appends it (audit-chain's NewEvent), with its place and hashes in the chain. */
export type BulkEvent = Omit<NewEvent, 'agencyId'> & {
  id: string;
  chainSeq: number;
  dossierSeq: number;
  prevHash: string;
  hash: string;
};

/** A control-sheet row as an accepted action writes it (records-store's HandoverWrite), numbered. */
export type BulkHandover = Omit<HandoverWrite, 'agencyId'> & { id: string; seq: number };

export interface BulkCounter {
  unitId: string;
  fieldCode: string;
  channel: string;
  day: string;
  metric: string;
  n: number;
}

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());
const col = <T, V>(rows: readonly T[], f: (r: T) => V) => rows.map(f);

/**
 * Writes a batch of replayed dossiers: one multi-row INSERT per table (arrays unnested, so a batch
 * is one statement whatever its size), counters summed per group and day upserted once.
 */
export async function writeBulk(
  db: Queryable,
  agencyId: string,
  b: {
    dossiers: readonly BulkDossier[];
    events: readonly BulkEvent[];
    handovers: readonly BulkHandover[];
    counters: readonly BulkCounter[];
    counted: readonly { dossierId: string; open: string | null; overdue: string | null }[];
  },
): Promise<void> {
  if (b.dossiers.length === 0) return;
  const d = b.dossiers;
  await db.query(
    `INSERT INTO dossier (id, agency_id, code, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id,
       applicant, search_text, version, created_at, state, national_status, snapshot, current_unit_id, assignee_id,
       submitted_at, received_at, due_at, ended_at, updated_at, overdue_from, at_risk_from, time_facts_stale,
       applicant_citizen_id, applicant_id_hmac)
     SELECT id, $1::uuid, code, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id,
            applicant::jsonb, search_text, version, created_at, state, national_status, snapshot::jsonb,
            current_unit_id, assignee_id, (snapshot::jsonb->>'submittedAt')::timestamptz,
            (snapshot::jsonb->>'receivedAt')::timestamptz, (snapshot::jsonb->>'dueAt')::timestamptz,
            (snapshot::jsonb->>'endedAt')::timestamptz, updated_at, overdue_from, at_risk_from, false, NULL,
            applicant_id_hmac
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::uuid[], $9::text[],
                   $10::text[], $11::int[], $12::timestamptz[], $13::text[], $14::int[], $15::text[], $16::uuid[],
                   $17::uuid[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[], $21::text[])
         AS t(id, code, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id, applicant,
              search_text, version, created_at, state, national_status, snapshot, current_unit_id, assignee_id,
              updated_at, overdue_from, at_risk_from, applicant_id_hmac)`,
    [
      agencyId,
      col(d, (r) => r.id),
      col(d, (r) => r.code),
      col(d, (r) => r.procedureId),
      col(d, (r) => r.procedureVersionId),
      col(d, (r) => r.fieldCode),
      col(d, (r) => r.channel),
      col(d, (r) => r.receivingUnitId),
      col(d, (r) => JSON.stringify(r.applicant)),
      col(d, (r) => r.searchText),
      col(d, (r) => r.version),
      col(d, (r) => iso(r.createdAt)),
      col(d, (r) => r.state),
      col(d, (r) => r.nationalStatus),
      col(d, (r) => JSON.stringify(r.snapshot)),
      col(d, (r) => r.currentUnitId),
      col(d, (r) => r.assigneeId),
      col(d, (r) => iso(r.updatedAt)),
      col(d, (r) => iso(r.overdueFrom)),
      col(d, (r) => iso(r.atRiskFrom)),
      col(d, (r) => r.applicantIdHmac),
    ],
  );
  await db.query(
    `INSERT INTO dossier_directory (id, agency_id, receiving_unit_id, code)
     SELECT id, $1::uuid, receiving_unit_id, code FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(id, receiving_unit_id, code)`,
    [agencyId, col(d, (r) => r.id), col(d, (r) => r.receivingUnitId), col(d, (r) => r.code)],
  );
  const e = b.events;
  await db.query(
    `INSERT INTO dossier_event (id, agency_id, chain_seq, dossier_id, dossier_seq, at, actor_id, actor_name, action,
                                from_state, to_state, payload, prev_hash, hash, hash_version)
     SELECT id, $1::uuid, chain_seq, dossier_id, dossier_seq, at, actor_id, actor_name, action, from_state, to_state,
            payload::jsonb, prev_hash, hash, 2
       FROM unnest($2::uuid[], $3::bigint[], $4::uuid[], $5::int[], $6::timestamptz[], $7::uuid[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS t(id, chain_seq, dossier_id, dossier_seq, at, actor_id, actor_name, action, from_state, to_state, payload,
              prev_hash, hash)`,
    [
      agencyId,
      col(e, (r) => r.id),
      col(e, (r) => r.chainSeq),
      col(e, (r) => r.dossierId),
      col(e, (r) => r.dossierSeq),
      col(e, (r) => iso(r.at)),
      col(e, (r) => r.actorId),
      col(e, (r) => r.actorName),
      col(e, (r) => r.action),
      col(e, (r) => r.fromState),
      col(e, (r) => r.toState),
      col(e, (r) => JSON.stringify(r.payload)),
      col(e, (r) => r.prevHash),
      col(e, (r) => r.hash),
    ],
  );
  const h = b.handovers;
  await db.query(
    `INSERT INTO dossier_handover (id, agency_id, dossier_id, seq, at, from_unit_id, from_user_id, to_unit_id, to_user_id,
                                   step_name, step_due_at, result, note)
     SELECT id, $1::uuid, dossier_id, seq, at, from_unit_id, from_user_id, to_unit_id, to_user_id, step_name,
            step_due_at, result, note
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::timestamptz[], $6::uuid[], $7::uuid[], $8::uuid[],
                   $9::uuid[], $10::text[], $11::timestamptz[], $12::text[], $13::text[])
         AS t(id, dossier_id, seq, at, from_unit_id, from_user_id, to_unit_id, to_user_id, step_name, step_due_at,
              result, note)`,
    [
      agencyId,
      col(h, (r) => r.id),
      col(h, (r) => r.dossierId),
      col(h, (r) => r.seq),
      col(h, (r) => iso(r.at)),
      col(h, (r) => r.from.unitId),
      col(h, (r) => r.from.userId),
      col(h, (r) => r.to.unitId),
      col(h, (r) => r.to.userId),
      col(h, (r) => r.stepName),
      col(h, (r) => r.stepDueAt),
      col(h, (r) => r.result),
      col(h, (r) => r.note),
    ],
  );
  const c = b.counters;
  await db.query(
    `INSERT INTO dossier_counter (agency_id, unit_id, field_code, channel, day, metric, n)
     SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int[])
     ON CONFLICT (agency_id, unit_id, field_code, channel, day, metric) DO UPDATE SET n = dossier_counter.n + EXCLUDED.n`,
    [
      agencyId,
      col(c, (r) => r.unitId),
      col(c, (r) => r.fieldCode),
      col(c, (r) => r.channel),
      col(c, (r) => r.day),
      col(c, (r) => r.metric),
      col(c, (r) => r.n),
    ],
  );
  const k = b.counted;
  await db.query(
    `INSERT INTO dossier_counted (dossier_id, agency_id, open_day, overdue_day)
     SELECT dossier_id, $1::uuid, open_day, overdue_day FROM unnest($2::uuid[], $3::date[], $4::date[])
       AS t(dossier_id, open_day, overdue_day)`,
    [agencyId, col(k, (r) => r.dossierId), col(k, (r) => r.open), col(k, (r) => r.overdue)],
  );
}
