/** SQL of signed results: every query filters by agency_id (docs/distribution.md). */
import type { Queryable } from '../db/database.ts';

export interface SignedResultRow {
  agency_id: string;
  dossier_id: string;
  document_id: string;
  sha256: string;
  signer_subject: string;
  signed_at: Date;
  agency_name: string;
  procedure_name: string;
  dossier_code: string | null;
}

export async function resultHeading(db: Queryable, agencyId: string, dossierId: string) {
  const [row] = await db.query<{ agency_name: string; procedure_name: string }>(
    `SELECT a.name AS agency_name, p.name AS procedure_name
       FROM dossier d JOIN org_unit a ON a.id = d.agency_id JOIN procedure p ON p.id = d.procedure_id
      WHERE d.agency_id = $1 AND d.id = $2`,
    [agencyId, dossierId],
  );
  return row ?? null;
}

export async function insertResultDocument(
  tx: Queryable,
  r: {
    agencyId: string;
    dossierId: string;
    documentId: string;
    name: string;
    filename: string;
    sha256: string;
    signerSubject: string;
    userId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_document (id, agency_id, dossier_id, kind, name, filename, sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, 'result', $4, $5, $6, $7, $8)`,
    [r.documentId, r.agencyId, r.dossierId, r.name, r.filename, r.sha256, r.userId, r.at],
  );
  await tx.query(
    `INSERT INTO signed_result (agency_id, dossier_id, document_id, sha256, signer_subject, signed_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.agencyId, r.dossierId, r.documentId, r.sha256, r.signerSubject, r.at],
  );
}

const SELECT = `SELECT s.agency_id, s.dossier_id, s.document_id, s.sha256, s.signer_subject, s.signed_at,
       a.name AS agency_name, p.name AS procedure_name, d.code AS dossier_code
  FROM signed_result s
  JOIN dossier d ON d.agency_id = s.agency_id AND d.id = s.dossier_id
  JOIN org_unit a ON a.id = s.agency_id
  JOIN procedure p ON p.id = d.procedure_id`;

/** The signed result with this id, of whichever agency (the directory of documents is their ids). */
export async function signedResultById(db: Queryable, documentId: string): Promise<SignedResultRow | null> {
  const [row] = await db.query<SignedResultRow>(
    `${SELECT} WHERE s.agency_id IN (SELECT agency_id FROM signed_result WHERE document_id = $1) AND s.document_id = $1`,
    [documentId],
  );
  return row ?? null;
}

/** The signed result whose file has this SHA-256. */
export async function signedResultBySha(db: Queryable, sha256: string): Promise<SignedResultRow | null> {
  const [row] = await db.query<SignedResultRow>(
    `${SELECT} WHERE s.agency_id IN (SELECT agency_id FROM signed_result WHERE sha256 = $1) AND s.sha256 = $1
      ORDER BY s.signed_at LIMIT 1`,
    [sha256],
  );
  return row ?? null;
}

/**
 * Dossiers of an agency (or of the units given, by receiving unit) with a signed result, and with a
 * digitised copy, made on the Vietnam days `from`..`to` (index 766, 4.1 and 4.2).
 */
export async function electronicResultCounts(
  db: Queryable,
  p: { agencyId: string; unitIds: readonly string[] | null; from: string; to: string },
): Promise<{ signed: number; digitised: number }> {
  const [row] = await db.query<{ signed: number; digitised: number }>(
    `SELECT
       (SELECT count(DISTINCT s.dossier_id)::int FROM signed_result s
          JOIN dossier d ON d.agency_id = s.agency_id AND d.id = s.dossier_id
         WHERE s.agency_id = $1 AND (s.signed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2 AND $3
           AND ($4::uuid[] IS NULL OR d.receiving_unit_id = ANY($4::uuid[]))) AS signed,
       (SELECT count(DISTINCT x.dossier_id)::int FROM dossier_document x
          JOIN dossier d ON d.agency_id = x.agency_id AND d.id = x.dossier_id
         WHERE x.agency_id = $1 AND x.kind = 'digitised' AND x.removed_at IS NULL
           AND (x.uploaded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2 AND $3
           AND ($4::uuid[] IS NULL OR d.receiving_unit_id = ANY($4::uuid[]))) AS digitised`,
    [p.agencyId, p.from, p.to, p.unitIds],
  );
  return row ?? { signed: 0, digitised: 0 };
}
