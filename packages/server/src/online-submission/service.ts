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
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { procedureInForce } from '../dossiers/read-store.ts';
import { createDossier } from '../dossiers/service.ts';
import { Problem } from '../http/problem.ts';
import {
  type DraftRow,
  draftById,
  eformOf,
  insertDraft,
  markDraftSubmitted,
  openDraft,
  updateDraftAnswers,
} from './store.ts';

export const ACCEPTANCE_RULE: Record<Locale, string> = {
  vi: 'Cơ quan tiếp nhận hoặc trả lại hồ sơ trong 8 giờ làm việc',
  en: 'The agency accepts or returns the dossier within 8 working hours',
};

/** Today's civil date in Vietnam (UTC+7), for date bounds such as "not after today". */
const vietnamToday = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

interface OnlineProcedure {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  form: Eform;
}

/** A procedure in force that takes online applications and has an e-form; else 404/422. */
async function onlineProcedure(db: Queryable, procedureId: string): Promise<OnlineProcedure> {
  const procedure = await procedureInForce(db, procedureId);
  if (!procedure) throw new Problem(404, 'procedure_not_found');
  const eform = await eformOf(db, procedureId);
  if (procedure.content.onlineLevel === 'none' || !eform) throw new Problem(422, 'procedure_not_online');
  return {
    id: procedure.id,
    agencyId: procedure.agencyId,
    code: procedure.content.code ?? '',
    name: procedure.content.name,
    form: eform.form,
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
  const c = session.citizen;
  const named = typeof draft.answers.fullName === 'string' ? draft.answers.fullName : null;
  const outcome = await createDossier(
    ctx,
    tx,
    {
      procedureId: p.id,
      channel: 'online',
      applicant: {
        name: named ?? c.full_name ?? c.email ?? 'Công dân',
        ...(c.email ? { email: c.email } : {}),
      },
      applicantUserId: null,
      decision: 'receive',
    },
    citizenActor(session),
  );
  await markDraftSubmitted(tx, p.agencyId, draft.id, outcome.record.id, ctx.now());
  return { created: true, body: answer(outcome.record.id, outcome.record.code ?? '') };
}
