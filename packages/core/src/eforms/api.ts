import { z } from 'zod';
import { eformAnswersSchema, eformSchema } from './form.ts';

/** The citizen's online submission API (/api/v1/citizen/drafts...) and the admin form API. */

export const eformBody = z.object({ form: eformSchema });
export const eformResponse = z.object({
  procedureId: z.uuid(),
  form: eformSchema.nullable(),
  updatedAt: z.string().nullable(),
});

export const draftCreateBody = z.object({ procedureId: z.uuid() });
export const draftUpdateBody = z.object({
  draftId: z.uuid(),
  /** The version the browser last saw: a stale one is refused (409), so no answers are lost. */
  version: z.number().int().min(1),
  answers: eformAnswersSchema,
  /** The fields of the page being saved, validated now; the rest is checked at submission. */
  page: z.array(z.string().max(60)).max(6).optional(),
});
export const draftSubmitBody = z.object({ draftId: z.uuid(), version: z.number().int().min(1) });

/** A file the citizen uploaded against one item of the procedure's checklist (its position). */
export const draftDocument = z.object({
  item: z.number().int().min(0),
  name: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
/** One item of the checklist, as the upload page shows it: what to upload and what is uploaded. */
export const draftChecklistItem = z.object({
  item: z.number().int().min(0),
  name: z.string(),
  required: z.boolean(),
  copies: z.number().int(),
  document: draftDocument.nullable(),
});

export const draftView = z.object({
  id: z.uuid(),
  procedureId: z.uuid(),
  procedureCode: z.string(),
  procedureName: z.string(),
  form: eformSchema,
  answers: eformAnswersSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  /** The procedure's checklist with the file uploaded against each item (one file per item). */
  checklist: z.array(draftChecklistItem),
  /** Set once submitted: the dossier and its reference code. */
  dossier: z.object({ id: z.uuid(), code: z.string() }).nullable(),
});
export const draftListResponse = z.object({ items: z.array(draftView) });

export const draftSubmittedResponse = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  /** The rule of the 8 working hours, worded for the confirmation page. */
  acceptanceRule: z.string(),
});

export type DraftDocument = z.infer<typeof draftDocument>;
export type DraftView = z.infer<typeof draftView>;
export type DraftSubmitted = z.infer<typeof draftSubmittedResponse>;
