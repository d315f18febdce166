/**
 * The hook of the leader's approval: inside its transaction, the result document is rendered,
 * signed with the agency's certificate and stored as the dossier's result document (kind
 * 'result') with its `signed_result` row and a `document_added` event. If signing fails, the
 * Problem 503 `result_signing_failed` rolls the approval back.
 */
import { randomUUID } from 'node:crypto';
import type { dossierInputs } from '@motcua/core';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { appendEvent } from '../dossiers/audit-chain.ts';
import type { Actor } from '../dossiers/service.ts';
import type { DossierRecord } from '../dossiers/store.ts';
import { acceptUpload } from '../files/store.ts';
import { Problem } from '../http/problem.ts';
import { signingMaterial } from './keys.ts';
import { signedResultPdf } from './sign.ts';
import { insertResultDocument, resultHeading } from './store.ts';

/** The public verification page of a document (the QR code's address). */
export const verifyUrlOf = (publicUrl: string, documentId: string) =>
  `${publicUrl.replace(/\/$/, '')}/xac-thuc/${documentId}`;

export async function issueSignedResult(
  ctx: AppContext,
  tx: Queryable,
  record: DossierRecord,
  actor: Actor,
  input: dossierInputs.ApproveInput,
): Promise<{ documentId: string; sha256: string }> {
  const at = ctx.now();
  const documentId = randomUUID();
  const heading = await resultHeading(tx, record.agencyId, record.id);
  let pdf: Buffer;
  let subject: string;
  try {
    const material = await signingMaterial(ctx.config);
    subject = material.subject;
    pdf = await signedResultPdf(
      {
        documentId,
        agencyName: heading?.agency_name ?? '',
        procedureName: heading?.procedure_name ?? '',
        dossierCode: record.code ?? '',
        applicantName: record.applicant.name,
        outcome: input.outcome,
        resultNumber: input.resultNumber ?? null,
        text: input.outcome === 'refused' ? input.reason : (input.note ?? null),
        signerName: actor.name,
        signedAt: at,
        verifyUrl: verifyUrlOf(ctx.config.publicUrl, documentId),
      },
      material,
    );
  } catch {
    throw new Problem(503, 'result_signing_failed');
  }
  const stored = await acceptUpload(ctx.files, tx, pdf, Math.max(ctx.config.uploadMaxBytes, pdf.length), at);
  const name = input.outcome === 'granted' ? 'Kết quả giải quyết (đã ký số)' : 'Thông báo từ chối (đã ký số)';
  const filename = `ket-qua-${record.code ?? record.id}.pdf`;
  await insertResultDocument(tx, {
    agencyId: record.agencyId,
    dossierId: record.id,
    documentId,
    name,
    filename,
    sha256: stored.sha256,
    signerSubject: subject,
    userId: actor.userId,
    at,
  });
  await appendEvent(tx, {
    agencyId: record.agencyId,
    dossierId: record.id,
    at,
    actorId: actor.userId,
    actorName: actor.name,
    action: 'document_added',
    fromState: record.state,
    toState: record.state,
    payload: {
      documentId,
      name,
      kind: 'result',
      mediaType: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      signed: true,
    },
  });
  return { documentId, sha256: stored.sha256 };
}
