import type { DossierRisk, DossierSnapshot, DossierState, RequiredDocument, UnitKind } from '@motcua/core';
import type { AgencyCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import type { Applicant } from './applicant.ts';
import { timeFactsFor } from './time-facts.ts';

/** A dossier row as the use cases need it. */
export interface DossierRecord {
  id: string;
  agencyId: string;
  code: string | null;
  procedureId: string;
  procedureVersionId: string;
  fieldCode: string;
  channel: 'counter' | 'online' | 'post';
  receivingUnitId: string;
  currentUnitId: string | null;
  assigneeId: string | null;
  state: DossierState;
  applicant: Applicant;
  /** The portal account acting as the applicant, when a citizen submitted or was matched. */
  applicantCitizenId: string | null;
  /** Keyed HMAC of the applicant's identity number (migration 0033): a citizen with that verified number is the applicant. */
  applicantIdHmac: string | null;
  snapshot: DossierSnapshot;
  version: number;
  risk: DossierRisk | null;
  createdAt: string;
}

export interface DossierRow {
  id: string;
  agency_id: string;
  code: string | null;
  procedure_id: string;
  procedure_version_id: string;
  field_code: string;
  channel: DossierRecord['channel'];
  receiving_unit_id: string;
  current_unit_id: string | null;
  assignee_id: string | null;
  state: DossierState;
  applicant: Applicant;
  applicant_citizen_id: string | null;
  applicant_id_hmac?: string | null;
  snapshot: DossierSnapshot;
  version: number;
  risk: DossierRisk | null;
  created_at: Date;
}

export const COLUMNS = `id, agency_id, code, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id,
  current_unit_id, assignee_id, state, applicant, applicant_citizen_id, applicant_id_hmac, snapshot, version, risk, created_at`;

export const toRecord = (r: DossierRow): DossierRecord => ({
  id: r.id,
  agencyId: r.agency_id,
  code: r.code,
  procedureId: r.procedure_id,
  procedureVersionId: r.procedure_version_id,
  fieldCode: r.field_code,
  channel: r.channel,
  receivingUnitId: r.receiving_unit_id,
  currentUnitId: r.current_unit_id,
  assigneeId: r.assignee_id,
  state: r.state,
  applicant: r.applicant,
  applicantCitizenId: r.applicant_citizen_id,
  applicantIdHmac: r.applicant_id_hmac ?? null,
  snapshot: r.snapshot,
  version: r.version,
  risk: r.risk,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * The agency a dossier belongs to, from the directory (a reference table on Citus): the dossier
 * tables are distributed by agency, so every statement on them names it.
 */
export async function agencyOfDossier(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.query<{ agency_id: string }>(
    'SELECT agency_id FROM dossier_directory WHERE id = $1',
    [id],
  );
  return row?.agency_id ?? null;
}

/**
 * Loads a dossier; with `lock`, holds its row until the transaction ends (one writer at a time).
 * The row is read and locked by (agency_id, id): the agency is found first unless the caller has it.
 */
export async function loadDossier(
  db: Queryable,
  id: string,
  lock = false,
  agencyId?: string,
): Promise<DossierRecord | null> {
  const agency = agencyId ?? (await agencyOfDossier(db, id));
  if (!agency) return null;
  const [row] = await db.query<DossierRow>(
    `SELECT ${COLUMNS} FROM dossier WHERE agency_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [agency, id],
  );
  return row ? toRecord(row) : null;
}

/** The unit an agency receives its online dossiers at: the one it designated, else the agency itself. */
export async function onlineReceivingUnit(
  db: Queryable,
  agencyId: string,
): Promise<{ id: string; kind: UnitKind; effectiveFrom: string; effectiveTo: string | null }> {
  const [row] = await db.query<{
    id: string;
    kind: UnitKind;
    effective_from: string;
    effective_to: string | null;
  }>(
    `SELECT r.id, r.kind, r.effective_from::text, r.effective_to::text
       FROM org_unit a JOIN org_unit r ON r.id = COALESCE(a.online_receiving_unit_id, a.id)
      WHERE a.id = $1`,
    [agencyId],
  );
  if (!row) throw new Problem(422, 'unit_not_found');
  return { id: row.id, kind: row.kind, effectiveFrom: row.effective_from, effectiveTo: row.effective_to };
}

/** The dossier a code names and its agency, from the directory (a reference table on Citus). */
export async function directoryEntryByCode(
  db: Queryable,
  code: string,
): Promise<{ id: string; agency_id: string } | null> {
  const [entry] = await db.query<{ id: string; agency_id: string }>(
    'SELECT id, agency_id FROM dossier_directory WHERE code = $1',
    [code],
  );
  return entry ?? null;
}

/** A dossier by its code: the directory names its agency, then one shard answers. */
export async function findByCode(db: Queryable, code: string): Promise<DossierRecord | null> {
  const entry = await directoryEntryByCode(db, code);
  if (!entry) return null;
  const [row] = await db.query<DossierRow>(
    `SELECT ${COLUMNS} FROM dossier WHERE agency_id = $1 AND id = $2 AND code = $3`,
    [entry.agency_id, entry.id, code],
  );
  return row ? toRecord(row) : null;
}

export interface DossierWrite {
  state: DossierState;
  nationalStatus: number;
  snapshot: DossierSnapshot;
  currentUnitId: string | null;
  assigneeId: string | null;
  now: Date;
  /** The agency's calendar and policy when the caller has them (else they are loaded). */
  calendar?: Pick<AgencyCalendar, 'config' | 'policy'> | undefined;
}

const columnsOf = (w: DossierWrite) => [
  w.state,
  w.nationalStatus,
  JSON.stringify(w.snapshot),
  w.currentUnitId,
  w.assigneeId,
  w.snapshot.submittedAt,
  w.snapshot.receivedAt,
  w.snapshot.dueAt,
  w.snapshot.endedAt,
  w.now,
];

export async function insertDossier(
  tx: Queryable,
  d: Omit<
    DossierRecord,
    | 'state'
    | 'snapshot'
    | 'version'
    | 'risk'
    | 'createdAt'
    | 'currentUnitId'
    | 'assigneeId'
    | 'applicantIdHmac'
  > & {
    searchText: string;
    /** Written in this INSERT (never after): the applicant identity number's keyed HMAC. */
    applicantIdHmac?: string | null;
  },
  w: DossierWrite,
): Promise<DossierRecord> {
  const [row] = await tx.query<DossierRow>(
    `INSERT INTO dossier (id, agency_id, code, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id,
       applicant, search_text, version, created_at,
       state, national_status, snapshot, current_unit_id, assignee_id, submitted_at, received_at, due_at, ended_at, updated_at,
       overdue_from, at_risk_from, time_facts_stale, applicant_citizen_id, applicant_id_hmac)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $20, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, false, $23, $24)
     RETURNING ${COLUMNS}`,
    [
      d.id,
      d.agencyId,
      d.code,
      d.procedureId,
      d.procedureVersionId,
      d.fieldCode,
      d.channel,
      d.receivingUnitId,
      JSON.stringify(d.applicant),
      d.searchText,
      ...columnsOf(w),
      ...(await factsOf(tx, d.agencyId, w)),
      d.applicantCitizenId,
      d.applicantIdHmac ?? null,
    ],
  );
  // The directory finds the dossier's agency from its id or code (a reference table on Citus).
  await tx.query(
    'INSERT INTO dossier_directory (id, agency_id, receiving_unit_id, code) VALUES ($1, $2, $3, $4)',
    [d.id, d.agencyId, d.receivingUnitId, d.code],
  );
  return toRecord(row!);
}

/** overdue_from and at_risk_from of the snapshot being written (time-facts.ts). */
async function factsOf(
  tx: Queryable,
  agencyId: string,
  w: DossierWrite,
): Promise<[Date | null, Date | null]> {
  const facts = await timeFactsFor(tx, agencyId, w.snapshot, w.calendar);
  return [facts.overdueFrom, facts.atRiskFrom];
}

/**
 * Writes the next state if the row still has `expectedVersion` and gives the row as written; null
 * when someone else got there first.
 */
export async function updateDossier(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  w: DossierWrite,
  knownAgencyId?: string,
): Promise<DossierRecord | null> {
  // The agency is read only when the caller did not bring it (actions always do).
  const agencyId = knownAgencyId ?? (await agencyOfDossier(tx, id));
  if (!agencyId) return null;
  const [row] = await tx.query<DossierRow>(
    `UPDATE dossier SET state = $3, national_status = $4, snapshot = $5, current_unit_id = $6, assignee_id = $7,
            submitted_at = $8, received_at = $9, due_at = $10, ended_at = $11, updated_at = $12, version = version + 1,
            risk = CASE WHEN $11::timestamptz IS NULL THEN risk ELSE NULL END,
            overdue_from = $13, at_risk_from = $14, time_facts_stale = false
      WHERE agency_id = $15 AND id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, expectedVersion, ...columnsOf(w), ...(await factsOf(tx, agencyId, w)), agencyId],
  );
  return row ? toRecord(row) : null;
}

export async function setCode(tx: Queryable, id: string, code: string, agencyId: string): Promise<void> {
  await tx.query('UPDATE dossier SET code = $3 WHERE agency_id = $1 AND id = $2', [agencyId, id, code]);
  await tx.query('UPDATE dossier_directory SET code = $2 WHERE id = $1', [id, code]);
}

export interface HandoverRow {
  seq: number;
  at: Date;
  from_unit: string | null;
  from_user: string | null;
  to_unit: string | null;
  to_user: string | null;
  step_name: string | null;
  step_due_at: Date | null;
  result: 'early' | 'on_time' | 'late' | null;
  note: string | null;
}

/** The control sheet (form 06) of a dossier, with the names the units and people had. */
export function loadHandovers(db: Queryable, agencyId: string, dossierId: string): Promise<HandoverRow[]> {
  return db.query<HandoverRow>(
    `SELECT h.seq, h.at, fu.name AS from_unit, fp.full_name AS from_user, tu.name AS to_unit, tp.full_name AS to_user,
            h.step_name, h.step_due_at, h.result, h.note
       FROM dossier_handover h
       LEFT JOIN org_unit fu ON fu.id = h.from_unit_id LEFT JOIN app_user fp ON fp.id = h.from_user_id
       LEFT JOIN org_unit tu ON tu.id = h.to_unit_id LEFT JOIN app_user tp ON tp.id = h.to_user_id
      WHERE h.agency_id = $1 AND h.dossier_id = $2 ORDER BY h.seq`,
    [agencyId, dossierId],
  );
}

/** The documents (thành phần hồ sơ) of the procedure version a dossier was made under. */
export async function procedureDocuments(db: Queryable, versionId: string): Promise<RequiredDocument[]> {
  const [row] = await db.query<{ documents: RequiredDocument[] | null }>(
    `SELECT content->'documents' AS documents FROM procedure_version WHERE id = $1`,
    [versionId],
  );
  return row?.documents ?? [];
}
