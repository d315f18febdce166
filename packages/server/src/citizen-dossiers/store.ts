import type { DossierScope } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { type DossierRow, toRecord } from '../dossiers/store.ts';

const COLUMNS = `id, agency_id, code, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id,
  current_unit_id, assignee_id, state, applicant, applicant_citizen_id, applicant_id_hmac, snapshot, version, risk, created_at`;

/** The agencies (a reference table): dossiers are distributed by agency, each query names one. */
async function agencies(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>("SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY id");
  return rows.map((r) => r.id);
}

/** The WHERE of a session's dossiers (core `inDossierScope`), over parameters $2 and $3. */
function scopeCondition(scope: DossierScope): { sql: string; params: [string | null, string | null] } {
  switch (scope.kind) {
    case 'self':
      return {
        sql: `((d.applicant_citizen_id = $2 AND d.applicant_id_hmac IS NULL)
               OR ($3::text IS NOT NULL AND d.applicant_id_hmac = $3))`,
        params: [scope.citizenId, scope.idHmac],
      };
    case 'business_verified':
      return { sql: '($2::uuid IS NULL AND d.applicant_id_hmac = $3)', params: [null, scope.taxHmac] };
    case 'business_declared':
      return {
        sql: '(d.applicant_citizen_id = $2 AND d.applicant_id_hmac = $3)',
        params: [scope.citizenId, scope.taxHmac],
      };
  }
}

/**
 * Every dossier the session sees, agency by agency: acting as the person, those whose applicant
 * account they are and those whose applicant identity number has their verified number's HMAC;
 * acting for a business, those under its tax code's HMAC (index (agency_id, applicant_id_hmac)).
 */
export async function dossiersOfCitizen(db: Queryable, scope: DossierScope) {
  const out = [];
  const { sql, params } = scopeCondition(scope);
  for (const agencyId of await agencies(db)) {
    const rows = await db.query<DossierRow & { procedure_name: string }>(
      `SELECT ${COLUMNS.replace(/(\w+)/g, 'd.$1')}, v.content->>'name' AS procedure_name
         FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id
        WHERE d.agency_id = $1 AND ${sql}
        ORDER BY d.created_at DESC LIMIT 200`,
      [agencyId, ...params],
    );
    out.push(...rows.map((r) => ({ record: toRecord(r), procedureName: r.procedure_name ?? '' })));
  }
  return out.sort((a, b) => b.record.createdAt.localeCompare(a.record.createdAt));
}

export async function setApplicantIdHmac(db: Queryable, agencyId: string, id: string, hmac: string | null) {
  await db.query('UPDATE dossier SET applicant_id_hmac = $3 WHERE agency_id = $1 AND id = $2', [
    agencyId,
    id,
    hmac,
  ]);
}

/** Dossiers with an applicant identity number but no HMAC yet (written before migration 0033). */
export async function dossiersWithoutHmac(db: Queryable, agencyId: string) {
  return db.query<{ id: string; id_number: string }>(
    `SELECT id, applicant->>'idNumber' AS id_number FROM dossier
      WHERE agency_id = $1 AND applicant_id_hmac IS NULL AND applicant ? 'idNumber' LIMIT 1000`,
    [agencyId],
  );
}

export { agencies as agencyIds };

export async function procedureNameOf(db: Queryable, versionId: string): Promise<string> {
  const [row] = await db.query<{ name: string }>(
    "SELECT content->>'name' AS name FROM procedure_version WHERE id = $1",
    [versionId],
  );
  return row?.name ?? '';
}

/** The dossier's latest electronic result (a document of kind 'result'), if any. */
export async function resultDocument(db: Queryable, agencyId: string, dossierId: string) {
  const [row] = await db.query<{ sha256: string; filename: string; media_type: string; size: number }>(
    `SELECT d.sha256, d.filename, f.media_type, f.size::int AS size
       FROM dossier_document d JOIN stored_file f ON f.sha256 = d.sha256
      WHERE d.agency_id = $1 AND d.dossier_id = $2 AND d.kind = 'result' AND d.removed_at IS NULL
      ORDER BY d.uploaded_at DESC LIMIT 1`,
    [agencyId, dossierId],
  );
  return row ?? null;
}

/** Attaches a citizen's supplement file (no staff uploader: uploaded_by stays empty). */
export async function insertCitizenDocument(
  db: Queryable,
  d: { agencyId: string; dossierId: string; name: string; filename: string; sha256: string; at: Date },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO dossier_document (id, agency_id, dossier_id, kind, name, filename, sha256, uploaded_by, uploaded_at)
     VALUES (gen_random_uuid(), $1, $2, 'supplement', $3, $4, $5, NULL, $6) RETURNING id`,
    [d.agencyId, d.dossierId, d.name, d.filename, d.sha256, d.at],
  );
  return row!.id;
}

/** The last lifecycle action recorded on the dossier and who did it. */
export async function lastEventOf(db: Queryable, agencyId: string, dossierId: string) {
  const [row] = await db.query<{ action: string; actor_name: string }>(
    `SELECT action, actor_name FROM dossier_event WHERE agency_id = $1 AND dossier_id = $2
      AND action NOT IN ('document_added', 'document_removed') ORDER BY dossier_seq DESC LIMIT 1`,
    [agencyId, dossierId],
  );
  return row ?? null;
}

export async function citizenPreferences(db: Queryable, citizenId: string) {
  const [row] = await db.query<{ locale: 'vi' | 'en'; notify_channels: string[] }>(
    'SELECT locale, notify_channels FROM citizen_account WHERE id = $1',
    [citizenId],
  );
  return row ?? null;
}

export async function saveCitizenPreferences(
  db: Queryable,
  citizenId: string,
  p: { locale: 'vi' | 'en'; channels: string[] },
) {
  await db.query('UPDATE citizen_account SET locale = $2, notify_channels = $3 WHERE id = $1', [
    citizenId,
    p.locale,
    p.channels,
  ]);
}

/** Citizen accounts with a verified number but no HMAC yet (signed in before migration 0033). */
export async function citizensWithoutHmac(db: Queryable) {
  return db.query<{ id: string; sealed: string }>(
    `SELECT id, identity_number_encrypted AS sealed FROM citizen_account
      WHERE identity_id_hmac IS NULL AND identity_number_encrypted IS NOT NULL LIMIT 1000`,
  );
}

export async function setCitizenIdHmac(db: Queryable, citizenId: string, hmac: string) {
  await db.query('UPDATE citizen_account SET identity_id_hmac = $2 WHERE id = $1', [citizenId, hmac]);
}

/** The portal accounts whose verified identity number has this HMAC (the applicant of a counter dossier). */
export async function citizensWithIdHmac(db: Queryable, hmac: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM citizen_account WHERE identity_id_hmac = $1 ORDER BY id LIMIT 5',
    [hmac],
  );
  return rows.map((r) => r.id);
}
