import { createHash, randomUUID } from 'node:crypto';
import {
  answerIssues,
  DEFAULT_QUESTIONNAIRE,
  elementResults,
  elementsWithoutScale,
  overallIndex,
  overallMean,
  type QuestionnaireContent,
  type SurveyAction,
  type SurveyAnswers,
  type SurveyChannel,
  type SurveyResults,
  sampleSize,
  scoredAnswers,
  surveyAllowed,
  vietnamDateOf,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { Queryable } from '../db/database.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { reformSubject } from '../reform/access.ts';
import { newToken } from './links.ts';
import * as store from './store.ts';

/** The satisfaction surveys' use cases: each checks who may act, in the caller's transaction. */

export async function demandSurvey(
  db: Queryable,
  session: Session,
  action: SurveyAction,
  agencyId: string,
  unitId?: string,
): Promise<void> {
  const subject = await reformSubject(db, agencyId, unitId);
  if (!surveyAllowed(action, session.roles, subject)) throw new Problem(403, 'forbidden');
}

export async function maySurvey(db: Queryable, session: Session, action: SurveyAction, agencyId: string) {
  return surveyAllowed(action, session.roles, await reformSubject(db, agencyId));
}

/** The agency a request is about: the one named, else the first the user's grants belong to. */
export function agencyOf(session: Session, named: string | undefined): string {
  if (named) return named;
  const grant = session.roles.find((g) => g.agencyId);
  if (!grant?.agencyId) throw new Problem(403, 'forbidden');
  return grant.agencyId;
}

/** The unit's agency, or 422 on the field when the unit does not exist or is above any agency. */
export async function agencyOfUnit(db: Queryable, unitId: string): Promise<string> {
  const names = await store.unitNames(db, unitId);
  if (!names?.agencyId) throw fieldProblem(fieldIssue('unitId', 'survey_unit_unknown'));
  return names.agencyId;
}

// ---- Questionnaires ----

/** Starts a draft from the latest version (or the shipped default when there is none). */
export async function startDraft(
  db: Queryable,
  session: Session,
  agencyId: string,
  now: Date,
): Promise<string> {
  await demandSurvey(db, session, 'questionnaire.manage', agencyId);
  const [latest] = await store.listQuestionnaires(db, agencyId);
  if (latest?.status === 'draft') throw new Problem(409, 'survey_draft_exists');
  const id = randomUUID();
  await store.insertDraft(db, {
    id,
    agencyId,
    content: latest?.content ?? DEFAULT_QUESTIONNAIRE,
    userId: session.user.id,
    now,
  });
  return id;
}

async function managedDraft(db: Queryable, session: Session, id: string) {
  const q = await store.loadQuestionnaire(db, id, true);
  if (!q || !(await maySurvey(db, session, 'results.read', q.agencyId)))
    throw new Problem(404, 'survey_questionnaire_not_found');
  await demandSurvey(db, session, 'questionnaire.manage', q.agencyId);
  if (q.status !== 'draft') throw new Problem(409, 'survey_questionnaire_published');
  return q;
}

export async function saveDraft(
  db: Queryable,
  session: Session,
  id: string,
  content: QuestionnaireContent,
  now: Date,
) {
  const q = await managedDraft(db, session, id);
  await store.updateDraft(db, q.id, content, now);
}

/** Publishes a draft: from then on it is what the kiosks and links ask, and it never changes. */
export async function publishDraft(db: Queryable, session: Session, id: string, now: Date) {
  const q = await managedDraft(db, session, id);
  const missing = elementsWithoutScale(q.content);
  if (missing.length > 0) throw new Problem(422, 'survey_element_missing', { elements: missing.join(', ') });
  await store.markPublished(db, q.id, now);
}

// ---- Answering ----

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** How long a counter tablet stays open: a working day, after which the counter officer opens it again. */
export const KIOSK_HOURS = 12;

export async function openKiosk(db: Queryable, session: Session, unitId: string, now: Date) {
  const agencyId = await agencyOfUnit(db, unitId);
  await demandSurvey(db, session, 'kiosk.open', agencyId, unitId);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + KIOSK_HOURS * 3600_000);
  await store.insertKiosk(db, {
    id: randomUUID(),
    agencyId,
    unitId,
    tokenSha256: hashToken(token),
    userId: session.user.id,
    now,
    expiresAt,
  });
  const names = (await store.unitNames(db, unitId))!;
  return { token, unitId, unitName: names.unitName, expiresAt: expiresAt.toISOString() };
}

export async function kioskOf(db: Queryable, token: string, now: Date) {
  const kiosk = await store.findKiosk(db, hashToken(token));
  if (!kiosk) throw new Problem(404, 'survey_kiosk_not_found');
  if (kiosk.expiresAt <= now) throw new Problem(410, 'survey_kiosk_expired');
  return kiosk;
}

async function formFor(db: Queryable, agencyId: string, unitId: string, dossierCode: string | null) {
  const q = await store.currentQuestionnaire(db, agencyId);
  if (!q) throw new Problem(404, 'survey_none_published');
  const names = (await store.unitNames(db, unitId))!;
  return {
    questionnaireId: q.id,
    version: q.version,
    content: q.content,
    agencyName: names.agencyName,
    unitName: names.unitName,
    dossierCode,
  };
}

export const kioskForm = async (db: Queryable, token: string, now: Date) => {
  const k = await kioskOf(db, token, now);
  return formFor(db, k.agencyId, k.unitId, null);
};

export async function linkOf(db: Queryable, token: string, forUpdate = false) {
  const link = await store.findLink(db, { token }, forUpdate);
  if (!link) throw new Problem(404, 'survey_link_not_found');
  return link;
}

export async function linkForm(db: Queryable, token: string) {
  const link = await linkOf(db, token);
  if (link.responseId) throw new Problem(409, 'survey_link_used');
  return formFor(db, link.agencyId, link.unitId, link.dossierCode);
}

/**
 * Records one response against the version the respondent was shown (`questionnaireId`, which
 * must still be the agency's current one, so the answers are read against the words asked).
 */
async function record(
  db: Queryable,
  r: {
    agencyId: string;
    unitId: string;
    questionnaireId: string;
    channel: SurveyChannel;
    answers: SurveyAnswers;
    answeredOn: string;
    dossierId?: string;
    kioskId?: string;
    paperSerial?: string;
    enteredBy?: string;
    now: Date;
  },
): Promise<string> {
  const q = await store.currentQuestionnaire(db, r.agencyId);
  if (!q) throw new Problem(404, 'survey_none_published');
  if (q.id !== r.questionnaireId) throw new Problem(409, 'survey_questionnaire_changed');
  const issues = answerIssues(q.content, r.answers);
  if (issues.length > 0) throw fieldProblem(...issues.map((i) => fieldIssue(i.path, i.code)));
  const id = randomUUID();
  await store.insertResponse(db, {
    id,
    agencyId: r.agencyId,
    unitId: r.unitId,
    questionnaireId: q.id,
    channel: r.channel,
    dossierId: r.dossierId ?? null,
    kioskId: r.kioskId ?? null,
    paperSerial: r.paperSerial ?? null,
    answeredOn: r.answeredOn,
    answers: r.answers,
    enteredBy: r.enteredBy ?? null,
    scores: scoredAnswers(q.content, r.answers),
    now: r.now,
  });
  return id;
}

export async function answerAtKiosk(
  db: Queryable,
  token: string,
  body: { questionnaireId: string; answers: SurveyAnswers },
  now: Date,
) {
  const k = await kioskOf(db, token, now);
  const id = await record(db, {
    ...body,
    agencyId: k.agencyId,
    unitId: k.unitId,
    channel: 'kiosk',
    kioskId: k.id,
    answeredOn: vietnamDateOf(now),
    now,
  });
  return { id, channel: 'kiosk' as const };
}

/** A link answers once: the row is locked, so a second submission, even at the same moment, is refused. */
export async function answerByLink(
  db: Queryable,
  token: string,
  body: { questionnaireId: string; answers: SurveyAnswers },
  now: Date,
) {
  const link = await linkOf(db, token, true);
  if (link.responseId) throw new Problem(409, 'survey_link_used');
  const id = await record(db, {
    ...body,
    agencyId: link.agencyId,
    unitId: link.unitId,
    channel: 'link',
    dossierId: link.dossierId,
    answeredOn: vietnamDateOf(now),
    now,
  });
  await store.markLinkAnswered(db, link.agencyId, link.dossierId, id);
  return { id, channel: 'link' as const };
}

export async function enterPaper(
  db: Queryable,
  session: Session,
  body: {
    unitId: string;
    serial: string;
    answeredOn: string;
    questionnaireId: string;
    answers: SurveyAnswers;
  },
  now: Date,
) {
  const agencyId = await agencyOfUnit(db, body.unitId);
  await demandSurvey(db, session, 'paper.enter', agencyId, body.unitId);
  if (body.answeredOn > vietnamDateOf(now))
    throw fieldProblem(fieldIssue('answeredOn', 'answered_in_future'));
  // The advisory lock makes two officers typing the same form at once count it once.
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `survey-paper\n${agencyId}\n${body.serial}`,
  ]);
  if (await store.paperSerialTaken(db, agencyId, body.serial))
    throw new Problem(409, 'survey_paper_duplicate', { serial: body.serial });
  const id = await record(db, {
    agencyId,
    unitId: body.unitId,
    questionnaireId: body.questionnaireId,
    channel: 'paper',
    answers: body.answers,
    answeredOn: body.answeredOn,
    paperSerial: body.serial,
    enteredBy: session.user.id,
    now,
  });
  return { id, channel: 'paper' as const };
}

// ---- Results ----

/** The index by element, the sample needed for the dossiers returned, and the answers collected. */
export async function surveyResults(
  db: Queryable,
  period: store.Period,
): Promise<Omit<SurveyResults, 'units'>> {
  const results = elementResults(await store.scoreTallies(db, period));
  const counts = await store.responseCounts(db, period);
  const byChannel = { kiosk: 0, link: 0, paper: 0 };
  for (const c of counts) byChannel[c.channel] += c.n;
  const returned = await store.returnedCount(db, period);
  return {
    agencyId: period.agencyId,
    unitId: period.unitId,
    from: period.from,
    to: period.to,
    elements: results,
    index: overallIndex(results),
    mean: overallMean(results),
    responses: byChannel.kiosk + byChannel.link + byChannel.paper,
    byChannel,
    returned,
    required: sampleSize(returned),
  };
}
