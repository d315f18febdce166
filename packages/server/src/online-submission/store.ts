import type { DraftDocument, Eform, EformAnswers } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of online submission: procedure_eform (reference) and online_draft (by agency). */

export async function eformOf(
  db: Queryable,
  procedureId: string,
): Promise<{ form: Eform; updatedAt: Date } | null> {
  const [row] = await db.query<{ form: Eform; updated_at: Date }>(
    'SELECT form, updated_at FROM procedure_eform WHERE procedure_id = $1',
    [procedureId],
  );
  return row ? { form: row.form, updatedAt: new Date(row.updated_at) } : null;
}

/** A procedure no longer in force (abolished): the day it ended, or null when it is not so. */
export async function procedureEnded(
  db: Queryable,
  procedureId: string,
): Promise<{ effectiveTo: string } | null> {
  const [row] = await db.query<{ effective_to: string | Date | null }>(
    `SELECT (SELECT max(v.effective_to) FROM procedure_version v WHERE v.procedure_id = p.id) AS effective_to
       FROM procedure p WHERE p.id = $1 AND p.status = 'abolished'`,
    [procedureId],
  );
  if (!row) return null;
  const to = row.effective_to;
  return { effectiveTo: to instanceof Date ? to.toISOString().slice(0, 10) : (to ?? '') };
}

export async function saveEform(
  db: Queryable,
  procedureId: string,
  form: Eform,
  userId: string | null,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO procedure_eform (procedure_id, form, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (procedure_id) DO UPDATE SET form = EXCLUDED.form, updated_at = EXCLUDED.updated_at,
       updated_by = EXCLUDED.updated_by`,
    [procedureId, JSON.stringify(form), now, userId],
  );
}

export interface DraftRow {
  agencyId: string;
  id: string;
  citizenId: string;
  procedureId: string;
  answers: EformAnswers;
  documents: DraftDocument[];
  version: number;
  updatedAt: Date;
  dossierId: string | null;
  dossierCode: string | null;
}

const COLUMNS = `d.agency_id, d.id, d.citizen_id, d.procedure_id, d.answers, d.documents, d.version, d.updated_at, d.dossier_id,
  (SELECT x.code FROM dossier x WHERE x.agency_id = d.agency_id AND x.id = d.dossier_id) AS dossier_code`;
type Raw = {
  agency_id: string;
  id: string;
  citizen_id: string;
  procedure_id: string;
  answers: EformAnswers;
  documents: DraftDocument[];
  version: number;
  updated_at: Date;
  dossier_id: string | null;
  dossier_code: string | null;
};
const toRow = (r: Raw): DraftRow => ({
  agencyId: r.agency_id,
  id: r.id,
  citizenId: r.citizen_id,
  procedureId: r.procedure_id,
  answers: r.answers,
  documents: r.documents ?? [],
  version: r.version,
  updatedAt: new Date(r.updated_at),
  dossierId: r.dossier_id,
  dossierCode: r.dossier_code,
});

/** The citizen's open draft of the procedure, if any. */
export async function openDraft(
  db: Queryable,
  agencyId: string,
  citizenId: string,
  procedureId: string,
): Promise<DraftRow | null> {
  const [row] = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM online_draft d
      WHERE d.agency_id = $1 AND d.citizen_id = $2 AND d.procedure_id = $3 AND d.dossier_id IS NULL`,
    [agencyId, citizenId, procedureId],
  );
  return row ? toRow(row) : null;
}

/** One draft of the citizen (another's is not found), locked for the transaction when `lock`. */
export async function draftById(
  db: Queryable,
  agencyId: string,
  citizenId: string,
  id: string,
  lock = false,
): Promise<DraftRow | null> {
  const [row] = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM online_draft d WHERE d.agency_id = $1 AND d.id = $2 AND d.citizen_id = $3${lock ? ' FOR UPDATE OF d' : ''}`,
    [agencyId, id, citizenId],
  );
  return row ? toRow(row) : null;
}

/** Inserts a draft unless an open one exists (a double click starts one). Answers the open draft. */
export async function insertDraft(
  db: Queryable,
  draft: { agencyId: string; id: string; citizenId: string; procedureId: string },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO online_draft (agency_id, id, citizen_id, procedure_id, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 1, $5, $5)
     ON CONFLICT (agency_id, citizen_id, procedure_id) WHERE dossier_id IS NULL DO NOTHING RETURNING id`,
    [draft.agencyId, draft.id, draft.citizenId, draft.procedureId, now],
  );
  return rows.length === 1;
}

/** Saves answers if the version is still `version`; false when someone saved in between. */
export async function updateDraftAnswers(
  db: Queryable,
  agencyId: string,
  id: string,
  citizenId: string,
  version: number,
  answers: EformAnswers,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE online_draft SET answers = $5, version = version + 1, updated_at = $6
      WHERE agency_id = $1 AND id = $2 AND citizen_id = $3 AND version = $4 AND dossier_id IS NULL
      RETURNING id`,
    [agencyId, id, citizenId, version, JSON.stringify(answers), now],
  );
  return rows.length === 1;
}

/**
 * Replaces the draft's uploads (one file per checklist item). The version is not moved: an upload
 * does not make the answers another tab holds stale; the caller holds the draft's row lock.
 */
export async function setDraftDocuments(
  db: Queryable,
  agencyId: string,
  id: string,
  citizenId: string,
  documents: DraftDocument[],
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE online_draft SET documents = $4, updated_at = $5
      WHERE agency_id = $1 AND id = $2 AND citizen_id = $3 AND dossier_id IS NULL`,
    [agencyId, id, citizenId, JSON.stringify(documents), now],
  );
}

export async function markDraftSubmitted(
  db: Queryable,
  agencyId: string,
  id: string,
  dossierId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE online_draft SET dossier_id = $3, version = version + 1, updated_at = $4
      WHERE agency_id = $1 AND id = $2`,
    [agencyId, id, dossierId, now],
  );
}

/** The online form answers of a dossier, for the officer's dossier page. */
export async function answersOfDossier(
  db: Queryable,
  agencyId: string,
  dossierId: string,
): Promise<{ procedureId: string; answers: EformAnswers; form: Eform | null } | null> {
  const [row] = await db.query<{ procedure_id: string; answers: EformAnswers; form: Eform | null }>(
    `SELECT d.procedure_id, d.answers, f.form FROM online_draft d
       LEFT JOIN procedure_eform f ON f.procedure_id = d.procedure_id
      WHERE d.agency_id = $1 AND d.dossier_id = $2`,
    [agencyId, dossierId],
  );
  return row ? { procedureId: row.procedure_id, answers: row.answers, form: row.form } : null;
}
