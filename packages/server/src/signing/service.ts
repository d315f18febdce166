/**
 * Public verification of a result: the file's signature checked (verify.ts), the verdict by core's
 * rules, and, when the file is one the system issued, what the public may know of it: the agency,
 * the procedure, the dossier code masked, the date. No citizen is named.
 */
import {
  type Locale,
  maskDossierCode,
  VERDICT_WORDING,
  type VerifyResponse,
  verifyVerdict,
} from '@motcua/core';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { signingMaterial } from './keys.ts';
import { type SignedResultRow, signedResultById, signedResultBySha } from './store.ts';
import { checkSignature } from './verify.ts';

async function trustedCertificates(ctx: AppContext) {
  try {
    return (await signingMaterial(ctx.config)).trusted;
  } catch {
    return [];
  }
}

function answer(
  locale: Locale,
  check: ReturnType<typeof checkSignature>,
  issued: SignedResultRow | null,
): VerifyResponse {
  const facts = { ...check.facts, issuedCopy: issued !== null };
  const verdict = verifyVerdict(facts);
  return {
    verdict,
    message: VERDICT_WORDING[verdict][locale],
    signatureValid: facts.hasSignature && facts.signatureValid && facts.digestMatches && facts.trustedSigner,
    unchanged: facts.digestMatches && facts.issuedCopy,
    document:
      verdict === 'valid' && issued
        ? {
            documentId: issued.document_id,
            agencyName: issued.agency_name,
            procedureName: issued.procedure_name,
            dossierCode: maskDossierCode(issued.dossier_code ?? ''),
            signedAt: new Date(issued.signed_at).toISOString(),
            signer: issued.signer_subject,
          }
        : null,
  };
}

/** Checks an uploaded file. */
export async function verifyUpload(ctx: AppContext, data: Buffer, locale: Locale): Promise<VerifyResponse> {
  const check = checkSignature(data, await trustedCertificates(ctx));
  const issued = check.facts.isPdf ? await signedResultBySha(ctx.db, check.sha256) : null;
  return answer(locale, check, issued);
}

/** Checks the stored copy of the document the QR code names. */
export async function verifyStored(
  ctx: AppContext,
  documentId: string,
  locale: Locale,
): Promise<VerifyResponse> {
  const issued = await signedResultById(ctx.db, documentId);
  if (!issued) throw new Problem(404, 'verify_document_not_found');
  const data = await ctx.files.get(issued.sha256);
  const check = checkSignature(data, await trustedCertificates(ctx));
  return answer(locale, check, check.sha256 === issued.sha256 ? issued : null);
}
