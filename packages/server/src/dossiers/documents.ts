import type { DocumentKind } from '@motcua/core';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { type AcceptedFile, acceptUpload } from '../files/store.ts';
import { Problem } from '../http/problem.ts';
import { appendEvent } from './audit-chain.ts';
import type { DossierRecord } from './store.ts';

/** Who attaches or removes: recorded on the document row and in the event. */
interface DocumentActor {
  /** The staff user; null for a citizen (an online dossier's own uploads). */
  id: string | null;
  fullName: string;
}

// The kinds are part of the API's answers, so they live with its schemas in core.
export { DOCUMENT_KINDS, type DocumentKind } from '@motcua/core';

/** A document event leaves the dossier's state as it is; it is one more link of its chain. */
function documentEvent(
  tx: Queryable,
  dossier: DossierRecord,
  actor: DocumentActor,
  at: Date,
  action: 'document_added' | 'document_removed',
  payload: Record<string, unknown>,
) {
  return appendEvent(tx, {
    agencyId: dossier.agencyId,
    dossierId: dossier.id,
    at,
    actorId: actor.id,
    actorName: actor.fullName,
    action,
    fromState: dossier.state,
    toState: dossier.state,
    payload,
  });
}

/** Stores a checked upload, attaches it to the dossier and records a `document_added` event, in one transaction. */
export async function attachDocument(
  ctx: AppContext,
  dossier: DossierRecord,
  actor: DocumentActor,
  upload: { data: Buffer; filename: string; name: string; kind: DocumentKind },
) {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const accepted = await acceptUpload(ctx.files, tx, upload.data, ctx.config.uploadMaxBytes, at);
    const { name, kind, filename } = upload;
    return recordDocument(tx, dossier, actor, at, { ...accepted, filename, name, kind });
  });
}

/**
 * Attaches a file already checked and stored (acceptUpload) to the dossier, with its
 * `document_added` event, inside the caller's transaction.
 */
export async function recordDocument(
  tx: Queryable,
  dossier: DossierRecord,
  actor: DocumentActor,
  at: Date,
  doc: AcceptedFile & { filename: string; name: string; kind: DocumentKind },
) {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO dossier_document (id, agency_id, dossier_id, kind, name, filename, sha256, uploaded_by, uploaded_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [dossier.agencyId, dossier.id, doc.kind, doc.name, doc.filename, doc.sha256, actor.id, at],
  );
  await documentEvent(tx, dossier, actor, at, 'document_added', {
    documentId: row!.id,
    name: doc.name,
    kind: doc.kind,
    mediaType: doc.mediaType,
    size: doc.size,
    sha256: doc.sha256,
  });
  const { sha256, mediaType, size, name, kind } = doc;
  return { id: row!.id, sha256, mediaType, size, name, kind };
}

/**
 * Takes a document off the dossier: a soft delete (the file stays stored, nothing is lost) and a
 * `document_removed` event. A document already removed, or not the dossier's, is 404.
 */
export async function removeDocument(
  ctx: AppContext,
  dossier: DossierRecord,
  actor: DocumentActor,
  documentId: string,
): Promise<Date> {
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [doc] = await tx.query<{ id: string; name: string; kind: string; sha256: string }>(
      `UPDATE dossier_document SET removed_at = $3, removed_by = $4
        WHERE agency_id = $5 AND id = $1 AND dossier_id = $2 AND removed_at IS NULL
        RETURNING id, name, kind, sha256`,
      [documentId, dossier.id, at, actor.id, dossier.agencyId],
    );
    if (!doc) throw new Problem(404, 'not_found');
    await documentEvent(tx, dossier, actor, at, 'document_removed', {
      documentId: doc.id,
      name: doc.name,
      kind: doc.kind,
      sha256: doc.sha256,
    });
  });
  return at;
}

/** An attached document still on the dossier, with what its download needs. */
export async function findDocument(db: Queryable, agencyId: string, dossierId: string, documentId: string) {
  const [doc] = await db.query<{ sha256: string; filename: string; media_type: string }>(
    `SELECT d.sha256, d.filename, f.media_type FROM dossier_document d JOIN stored_file f ON f.sha256 = d.sha256
      WHERE d.agency_id = $3 AND d.id = $1 AND d.dossier_id = $2 AND d.removed_at IS NULL`,
    [documentId, dossierId, agencyId],
  );
  return doc ?? null;
}
