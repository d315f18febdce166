import type { DocumentKind } from '../api/dossiers.ts';
import type { RequiredDocument } from '../catalogue/procedure.ts';

/**
 * The completeness check of an online dossier at acceptance (tiếp nhận hồ sơ trực tuyến): each
 * document of the procedure comes ticked when the citizen uploaded a file for it, so the counter
 * officer confirms what is there (opening each file) and unticks what is not acceptable, instead of
 * ticking each by hand.
 */

/** Which of a dossier's files count as handed in at acceptance: only what the applicant uploaded. */
export const RECEIVED_AT_ACCEPTANCE: Readonly<Record<DocumentKind, boolean>> = {
  applicant: true,
  scan: false,
  supplement: false,
  result: false,
  digitised: false,
  other: false,
};

/** A file of the dossier, as far as the rule needs it. */
export interface AcceptanceUpload {
  /** The checklist item it was uploaded for (the document's name). */
  name: string;
  kind: DocumentKind;
  filename: string;
}

export interface AcceptanceRow extends RequiredDocument {
  /** Ticked in advance: at least one file was uploaded for it. */
  received: boolean;
  /** The names of the files uploaded for it, in upload order. */
  uploaded: string[];
}

/** One row per document of the procedure, in its order, ticked when the citizen uploaded it. */
export function acceptanceChecklist(
  documents: readonly RequiredDocument[],
  uploads: readonly AcceptanceUpload[],
): AcceptanceRow[] {
  return documents.map((d) => {
    const uploaded = uploads
      .filter((u) => RECEIVED_AT_ACCEPTANCE[u.kind] && u.name.trim() === d.name.trim())
      .map((u) => u.filename);
    const { name, copies, form, required, template } = d;
    return {
      name,
      copies,
      form,
      required,
      ...(template ? { template } : {}),
      received: uploaded.length > 0,
      uploaded,
    };
  });
}
