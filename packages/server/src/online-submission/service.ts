import { randomUUID } from 'node:crypto';
import {
  cleanAnswers,
  type DraftSubmitted,
  type DraftView,
  type Eform,
  type EformAnswers,
  type Locale,
  validateAnswers,
} from '@motcua/core';
import type { CitizenSession } from '../citizen-auth/sessions.ts';
import { citizenActor } from '../citizen-auth/sessions.ts';
import { actingBusiness } from '../citizen-business/service.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { recordDocument } from '../dossiers/documents.ts';
import { procedureInForce } from '../dossiers/read-store.ts';
import { createDossier } from '../dossiers/service.ts';
import type { AcceptedMediaType } from '../files/sniff.ts';
import { acceptUpload } from '../files/store.ts';
import { Problem } from '../http/problem.ts';
import {
  type DraftRow,
  draftById,
  eformOf,
  insertDraft,
  markDraftSubmitted,
  openDraft,
  procedureEnded,
  setDraftDocuments,
  updateDraftAnswers,
} from './store.ts';

export const ACCEPTANCE_RULE: Record<Locale, string> = {
  vi: 'Cơ quan tiếp nhận hoặc trả lại hồ sơ trong 8 giờ làm việc',
  en: 'The agency accepts or returns the dossier within 8 working hours',
};

const DOCUMENT_MISSING: Record<Locale, (name: string) => string> = {
  vi: (name) => `Tải lên giấy tờ: ${name}`,
  en: (name) => `Upload the document: ${name}`,
};

/** 2027-03-02 as people read it: 2/3/2027. */
const showDay = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${+d}/${+m}/${y}` : iso;
};

/** Today's civil date in Vietnam (UTC+7), for date bounds such as "not after today". */
const vietnamToday = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

interface OnlineProcedure {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  form: Eform;
  checklist: { name: string; required: boolean; copies: number }[];
}

/** A procedure in force that takes online applications and has an e-form; else 404/422. */
async function onlineProcedure(db: Queryable, procedureId: string): Promise<OnlineProcedure> {
  const procedure = await procedureInForce(db, procedureId);
  if (!procedure) {
    // A draft of a procedure that went out of force can no longer be submitted: say so, and since when.
    const ended = await procedureEnded(db, procedureId);
    if (ended) throw new Problem(410, 'procedure_no_longer_in_force', { date: showDay(ended.effectiveTo) });
    throw new Problem(404, 'procedure_not_found');
  }
  const eform = await eformOf(db, procedureId);
  if (procedure.content.onlineLevel === 'none' || !eform) throw new Problem(422, 'procedure_not_online');
  return {
    id: procedure.id,
    agencyId: procedure.agencyId,
    code: procedure.content.code ?? '',
    name: procedure.content.name,
    form: eform.form,
    checklist: procedure.content.documents.map(({ name, required, copies }) => ({ name, required, copies })),
  };
}

const view = (p: OnlineProcedure, d: DraftRow): DraftView => ({
  id: d.id,
  procedureId: p.id,
  procedureCode: p.code,
  procedureName: p.name,
  form: p.form,
  answers: d.answers,
  version: d.version,
  updatedAt: d.updatedAt.toISOString(),
  checklist: p.checklist.map((c, item) => ({
    item,
    ...c,
    document: d.documents.find((x) => x.item === item) ?? null,
  })),
  dossier: d.dossierId && d.dossierCode ? { id: d.dossierId, code: d.dossierCode } : null,
});

/** Starts a draft, or resumes the open one (another tab, another device): never two. */
export async function startDraft(
  ctx: AppContext,
  db: Queryable,
  session: CitizenSession,
  procedureId: string,
): Promise<{ created: boolean; draft: DraftView }> {
  const p = await onlineProcedure(db, procedureId);
  const created = await insertDraft(
    db,
    { agencyId: p.agencyId, id: randomUUID(), citizenId: session.citizen.id, procedureId },
    ctx.now(),
  );
  const draft = await openDraft(db, p.agencyId, session.citizen.id, procedureId);
  if (!draft) throw new Problem(409, 'draft_version_conflict');
  return { created, draft: view(p, draft) };
}

export async function resumeDraft(
  db: Queryable,
  session: CitizenSession,
  procedureId: string,
): Promise<DraftView> {
  const p = await onlineProcedure(db, procedureId);
  const draft = await openDraft(db, p.agencyId, session.citizen.id, procedureId);
  if (!draft) throw new Problem(404, 'draft_not_found');
  return view(p, draft);
}

async function ownDraft(
  db: Queryable,
  p: OnlineProcedure,
  session: CitizenSession,
  id: string,
  lock = false,
) {
  const draft = await draftById(db, p.agencyId, session.citizen.id, id, lock);
  if (!draft || draft.procedureId !== p.id) throw new Problem(404, 'draft_not_found');
  return draft;
}

const invalid = (errors: { path: string; message: string }[]) =>
  new Problem(
    422,
    'eform_answers_invalid',
    {},
    errors.map((e) => ({ path: `answers.${e.path}`, message: e.message })),
  );

/**
 * Saves the answers of a page. The page's fields are checked now (the message goes next to the
 * field and nothing is saved, so the person corrects what they typed); a stale version is refused.
 */
export async function saveDraft(
  ctx: AppContext,
  db: Queryable,
  session: CitizenSession,
  procedureId: string,
  body: { draftId: string; version: number; answers: EformAnswers; page?: string[] | undefined },
  locale: Locale,
): Promise<DraftView> {
  const p = await onlineProcedure(db, procedureId);
  const draft = await ownDraft(db, p, session, body.draftId);
  if (draft.dossierId) throw new Problem(409, 'draft_already_submitted');
  const answers = cleanAnswers(p.form, { ...draft.answers, ...body.answers });
  if (body.page) {
    const errors = validateAnswers(p.form, answers, locale, {
      keys: body.page,
      today: vietnamToday(ctx.now()),
    });
    if (errors.length > 0) throw invalid(errors);
  }
  const saved = await updateDraftAnswers(
    db,
    p.agencyId,
    draft.id,
    session.citizen.id,
    body.version,
    answers,
    ctx.now(),
  );
  if (!saved) throw new Problem(409, 'draft_version_conflict');
  return view(p, (await ownDraft(db, p, session, draft.id))!);
}

/**
 * Submits the draft through the engine's submit_online. The draft is locked first, so a retried or
 * doubled submit waits and then answers the dossier the first one made: never two dossiers.
 */
export async function submitDraft(
  ctx: AppContext,
  tx: Queryable,
  session: CitizenSession,
  procedureId: string,
  body: { draftId: string; version: number },
  locale: Locale,
): Promise<{ created: boolean; body: DraftSubmitted }> {
  const p = await onlineProcedure(tx, procedureId);
  const draft = await ownDraft(tx, p, session, body.draftId, true);
  const answer = (dossierId: string, code: string) => ({
    dossierId,
    code,
    acceptanceRule: ACCEPTANCE_RULE[locale],
  });
  if (draft.dossierId && draft.dossierCode)
    return { created: false, body: answer(draft.dossierId, draft.dossierCode) };
  if (draft.version !== body.version) throw new Problem(409, 'draft_version_conflict');
  const errors = validateAnswers(p.form, draft.answers, locale, { today: vietnamToday(ctx.now()) });
  if (errors.length > 0) throw invalid(errors);
  const missing = p.checklist.flatMap((c, item) =>
    c.required && !draft.documents.some((d) => d.item === item)
      ? [{ path: `documents.${item}`, message: DOCUMENT_MISSING[locale](c.name) }]
      : [],
  );
  if (missing.length > 0) throw new Problem(422, 'draft_documents_missing', {}, missing);
  const c = session.citizen;
  const named = typeof draft.answers.fullName === 'string' ? draft.answers.fullName : null;
  const person = named ?? c.full_name ?? c.email ?? 'Công dân';
  // Acting for a business, the business is the applicant (kind organisation: its name and tax
  // code, as the counter records one) and the person its representative; the tax code's HMAC is
  // written with it, so the business's dossiers are found by it.
  const business = await actingBusiness(tx, session);
  const outcome = await createDossier(
    ctx,
    tx,
    {
      procedureId: p.id,
      channel: 'online',
      applicant: {
        name: business && person === 'Công dân' ? business.name : person,
        ...(business ? { organisation: business.name, idNumber: business.taxCode } : {}),
        ...(c.email ? { email: c.email } : {}),
      },
      applicantUserId: null,
      decision: 'receive',
    },
    citizenActor(session),
  );
  // The uploads become the dossier's documents, in the same transaction as submit_online.
  const actor = { id: null, fullName: citizenActor(session).name };
  for (const d of draft.documents) {
    const name = p.checklist[d.item]?.name ?? d.name;
    await recordDocument(tx, outcome.record, actor, ctx.now(), {
      sha256: d.sha256,
      mediaType: d.mediaType as AcceptedMediaType,
      size: d.size,
      filename: d.filename,
      name,
      kind: 'applicant',
    });
  }
  await markDraftSubmitted(tx, p.agencyId, draft.id, outcome.record.id, ctx.now());
  return { created: true, body: answer(outcome.record.id, outcome.record.code ?? '') };
}

/** The open draft of the citizen, locked, and the checklist item asked for (else 404). */
async function openOwnDraft(
  db: Queryable,
  session: CitizenSession,
  procedureId: string,
  draftId: string,
  item: number,
) {
  const p = await onlineProcedure(db, procedureId);
  const draft = await ownDraft(db, p, session, draftId, true);
  if (draft.dossierId) throw new Problem(409, 'draft_already_submitted');
  if (!p.checklist[item]) throw new Problem(404, 'not_found');
  return { p, draft };
}

/**
 * Uploads the file of one checklist item, checked by its content exactly as at the counter
 * (acceptUpload: type by bytes, soundness, size), replacing the item's earlier file.
 */
export async function uploadDraftDocument(
  ctx: AppContext,
  tx: Queryable,
  session: CitizenSession,
  procedureId: string,
  upload: { draftId: string; item: number; data: Buffer; filename: string },
): Promise<DraftView> {
  const { p, draft } = await openOwnDraft(tx, session, procedureId, upload.draftId, upload.item);
  const at = ctx.now();
  const accepted = await acceptUpload(ctx.files, tx, upload.data, ctx.config.uploadMaxBytes, at, {
    filename: upload.filename,
  });
  const documents = [
    ...draft.documents.filter((d) => d.item !== upload.item),
    {
      item: upload.item,
      name: p.checklist[upload.item]!.name,
      filename: upload.filename,
      mediaType: accepted.mediaType,
      size: accepted.size,
      sha256: accepted.sha256,
      uploadedAt: at.toISOString(),
    },
  ].sort((a, b) => a.item - b.item);
  await setDraftDocuments(tx, p.agencyId, draft.id, session.citizen.id, documents, at);
  return view(p, (await ownDraft(tx, p, session, draft.id))!);
}

/** Takes the file of a checklist item off the draft (it stays stored). */
export async function removeDraftDocument(
  ctx: AppContext,
  tx: Queryable,
  session: CitizenSession,
  procedureId: string,
  draftId: string,
  item: number,
): Promise<DraftView> {
  const { p, draft } = await openOwnDraft(tx, session, procedureId, draftId, item);
  if (!draft.documents.some((d) => d.item === item)) throw new Problem(404, 'not_found');
  const documents = draft.documents.filter((d) => d.item !== item);
  await setDraftDocuments(tx, p.agencyId, draft.id, session.citizen.id, documents, ctx.now());
  return view(p, (await ownDraft(tx, p, session, draft.id))!);
}

/** The file the citizen uploaded for a checklist item of their open draft. */
export async function draftDocumentFile(
  ctx: AppContext,
  session: CitizenSession,
  procedureId: string,
  item: number,
): Promise<{ data: Buffer; mediaType: string; filename: string }> {
  const p = await onlineProcedure(ctx.db, procedureId);
  const draft = await openDraft(ctx.db, p.agencyId, session.citizen.id, procedureId);
  const doc = draft?.documents.find((d) => d.item === item);
  if (!doc) throw new Problem(404, 'not_found');
  return { data: await ctx.files.get(doc.sha256), mediaType: doc.mediaType, filename: doc.filename };
}
