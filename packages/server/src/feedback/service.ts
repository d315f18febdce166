import { randomUUID } from 'node:crypto';
import {
  decideFeedback,
  FEEDBACK_ROLES,
  type FeedbackAction,
  type FeedbackActor,
  type FeedbackCase,
  type FeedbackFigures,
  type FeedbackState,
  type FeedbackStatistics,
  type FeedbackSubject,
  type FeedbackSubmit,
  feedbackDeadline,
  feedbackReader,
  feedbackReference,
  feedbackTimeliness,
  foldVietnamese,
  isNegativeRating,
  mayPublishFeedback,
  openFeedbackActions,
  type RatingInput,
  type Redacted,
  rateOf,
  ratingIssues,
  redactPersonalData,
  searchTerms,
  vietnamDateOf,
  workingDaysBetween,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { CitizenSession } from '../citizen-auth/sessions.ts';
import type { Queryable } from '../db/database.ts';
import { findByCode } from '../dossiers/store.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { enqueue } from '../jobs/outbox.ts';
import { ancestorChains, descendantIds } from '../org/tree.ts';
import { demandStatistics } from '../ratings/service.ts';
import { newToken } from '../surveys/links.ts';
import * as store from './store.ts';

/** Where the citizen rates an answer, relative to the site. */
export const feedbackRatingPath = (token: string) => `/phan-anh/danh-gia/${token}`;

// ---- Receipt ----

/** The agency a case goes to, and the procedure or dossier it names. */
async function addressOf(db: Queryable, body: FeedbackSubmit) {
  if (body.dossierCode) {
    const d = await findByCode(db, body.dossierCode.trim());
    if (!d) throw fieldProblem(fieldIssue('dossierCode', 'feedback_dossier_unknown'));
    return { agencyId: d.agencyId, dossierId: d.id, procedureId: d.procedureId };
  }
  if (body.topic === 'procedure') {
    const [p] = await db.query<{ agency_id: string }>(
      `SELECT agency_id FROM procedure WHERE id = $1 AND status IN ('in_force', 'amended')`,
      [body.procedureId],
    );
    if (!p) throw fieldProblem(fieldIssue('procedureId', 'feedback_procedure_unknown'));
    return { agencyId: p.agency_id, dossierId: null, procedureId: body.procedureId! };
  }
  const [a] = await db.query<{ id: string }>(`SELECT id FROM org_unit WHERE id = $1 AND agency_id = id`, [
    body.agencyId,
  ]);
  if (!a) throw fieldProblem(fieldIssue('agencyId', 'feedback_agency_unknown'));
  return { agencyId: a.id, dossierId: null, procedureId: null };
}

/**
 * Receives a citizen's case. The citizen is signed in (by VNeID, or by the one-time code emailed
 * to the contact address: citizen-auth's email sign-in), so every case has a verified contact.
 * Its deadline is 15 working days after receipt on the agency's calendar.
 */
export async function submitFeedback(
  db: Queryable,
  citizen: CitizenSession,
  body: FeedbackSubmit,
  now: Date,
) {
  const to = await addressOf(db, body);
  const cal = (await loadCalendar(db, to.agencyId)).config;
  const day = vietnamDateOf(now);
  const reference = feedbackReference(day, await store.nextSequence(db, to.agencyId, day));
  const dueAt = feedbackDeadline(now, cal);
  const id = randomUUID();
  const contactEmail = citizen.citizen.email;
  await store.insertCase(db, {
    agencyId: to.agencyId,
    id,
    reference,
    topic: body.topic,
    procedureId: to.procedureId,
    dossierId: to.dossierId,
    message: body.message,
    citizenId: citizen.citizen.id,
    contactName: body.contactName ?? citizen.citizen.full_name ?? null,
    contactEmail,
    receivedAt: now,
    receivedOn: day,
    dueAt,
  });
  await enqueue(
    db,
    {
      agencyId: to.agencyId,
      kind: 'feedback.received',
      recipientId: null,
      recipientCitizenId: citizen.citizen.id,
      dossierId: to.dossierId,
      payload: { email: contactEmail, reference, dueAt: dueAt.toISOString() },
      dedupeKey: `feedback:${id}:received`,
    },
    now,
  );
  const [agency] = await db.query<{ name: string }>('SELECT name FROM org_unit WHERE id = $1', [to.agencyId]);
  return {
    id,
    reference,
    agencyName: agency!.name,
    receivedAt: now.toISOString(),
    dueAt: dueAt.toISOString(),
  };
}

// ---- Staff ----

const actorOf = (session: Session): FeedbackActor => ({
  userId: session.user.id,
  grants: session.roles.map((g) => ({ role: g.role, unitId: g.unitId })),
});

async function subjectsOf(db: Queryable, cases: readonly store.CaseRecord[]) {
  const ids = new Set<string>();
  for (const c of cases) {
    ids.add(c.agencyId);
    if (c.unit) ids.add(c.unit.id);
  }
  const chains = await ancestorChains(db, [...ids]);
  return (c: store.CaseRecord): FeedbackSubject => ({
    agencyChain: chains.get(c.agencyId) ?? [c.agencyId],
    unitChain: c.unit ? (chains.get(c.unit.id) ?? [c.unit.id]) : [],
    assigneeId: c.assignee?.id ?? null,
  });
}

const OPEN: readonly FeedbackState[] = ['received', 'assigned'];

async function viewOf(
  db: Queryable,
  c: store.CaseRecord,
  actor: FeedbackActor,
  subject: FeedbackSubject,
  now: Date,
  withAssignable = false,
): Promise<FeedbackCase> {
  const cal = (await loadCalendar(db, c.agencyId)).config;
  const actions = openFeedbackActions(c.state, actor, subject);
  return {
    id: c.id,
    reference: c.reference,
    agencyId: c.agencyId,
    topic: c.topic,
    procedureName: c.procedureName,
    dossierCode: c.dossierCode,
    message: c.message,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    state: c.state,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    workingDaysLeft: OPEN.includes(c.state) ? workingDaysBetween(now, c.dueAt, cal) : null,
    unit: c.unit,
    assignee: c.assignee,
    answer: c.answer,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    timeliness: c.answeredOnTime === null ? null : c.answeredOnTime ? 'on_time' : 'late',
    rejectReason: c.rejectReason,
    closedAt: c.closedAt?.toISOString() ?? null,
    rating: c.rating,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    version: c.version,
    actions,
    canPublish: (c.state === 'answered' || c.state === 'closed') && mayPublishFeedback(actor, subject),
    assignable: withAssignable && actions.includes('assign') ? await store.assignable(db, c.agencyId) : null,
  };
}

/** The cases of the agencies the user works for that they may read, open ones first by deadline. */
export async function listFeedback(db: Queryable, session: Session, state: FeedbackState | null, now: Date) {
  const agencies = [
    ...new Set(
      session.roles
        .filter((g) => FEEDBACK_ROLES.includes(g.role) && g.agencyId)
        .map((g) => g.agencyId as string),
    ),
  ];
  if (agencies.length === 0) throw new Problem(403, 'forbidden');
  const cases = await store.listCases(db, agencies, state);
  const subject = await subjectsOf(db, cases);
  const actor = actorOf(session);
  const items: FeedbackCase[] = [];
  for (const c of cases) {
    const s = subject(c);
    if (feedbackReader(actor, s)) items.push(await viewOf(db, c, actor, s, now));
  }
  return { items };
}

async function readable(db: Queryable, session: Session, id: string, lock = false) {
  const c = await store.loadCase(db, id, lock);
  if (!c) throw new Problem(404, 'feedback_case_not_found');
  const subject = (await subjectsOf(db, [c]))(c);
  const actor = actorOf(session);
  if (!feedbackReader(actor, subject)) throw new Problem(404, 'feedback_case_not_found');
  return { c, subject, actor };
}

export async function feedbackCase(db: Queryable, session: Session, id: string, now: Date) {
  const { c, subject, actor } = await readable(db, session, id);
  return viewOf(db, c, actor, subject, now, true);
}

export interface ActionBody {
  version: number;
  unitId?: string | undefined;
  assigneeId?: string | undefined;
  answer?: string | undefined;
  reason?: string | undefined;
  note?: string | undefined;
}

/** One step of a case's lifecycle, as core's table allows; the citizen is told of the answer. */
export async function actOnFeedback(
  db: Queryable,
  session: Session,
  id: string,
  action: FeedbackAction,
  body: ActionBody,
  now: Date,
) {
  const { c, subject, actor } = await readable(db, session, id, true);
  const decision = decideFeedback(c.state, action, actor, subject);
  if (!decision.ok)
    throw new Problem(decision.reason === 'feedback_wrong_state' ? 409 : 403, decision.reason);
  if (body.version !== c.version) throw new Problem(409, 'feedback_version_conflict');
  const set: Record<string, unknown> = { state: decision.to };
  const notices: {
    kind: string;
    recipientId: string | null;
    /** The sender's account when the notice is for them (the email template addresses it). */
    toCitizen?: boolean;
    payload: Record<string, unknown>;
  }[] = [];
  if (action === 'assign') {
    if (!body.unitId) throw fieldProblem(fieldIssue('unitId', 'feedback_unit_required'));
    const [unit] = await db.query<{ id: string }>(
      'SELECT id FROM org_unit WHERE id = $1 AND agency_id = $2',
      [body.unitId, c.agencyId],
    );
    if (!unit) throw fieldProblem(fieldIssue('unitId', 'feedback_unit_unknown'));
    if (body.assigneeId) {
      const within = await descendantIds(db, [body.unitId]);
      if (!(await store.officerOnUnits(db, body.assigneeId, [...within])))
        throw fieldProblem(fieldIssue('assigneeId', 'feedback_assignee_unknown'));
      notices.push({
        kind: 'feedback.assigned',
        recipientId: body.assigneeId,
        payload: { reference: c.reference, dueAt: c.dueAt.toISOString() },
      });
    }
    set.unit_id = body.unitId;
    set.assignee_id = body.assigneeId ?? null;
  } else if (action === 'answer') {
    if (!body.answer) throw fieldProblem(fieldIssue('answer', 'feedback_answer_required'));
    const token = newToken();
    set.answer = body.answer;
    set.answered_at = now;
    set.answered_by = session.user.id;
    set.answered_on_time = feedbackTimeliness(now, c.dueAt) === 'on_time';
    set.rating_token = token;
    notices.push({
      kind: 'feedback.answered',
      recipientId: null,
      toCitizen: true,
      payload: { email: c.contactEmail, reference: c.reference, ratePath: feedbackRatingPath(token) },
    });
  } else if (action === 'reject') {
    if (!body.reason) throw fieldProblem(fieldIssue('reason', 'feedback_reason_required'));
    set.reject_reason = body.reason;
    set.closed_at = now;
    notices.push({
      kind: 'feedback.rejected',
      recipientId: null,
      toCitizen: true,
      payload: { email: c.contactEmail, reference: c.reference, reason: body.reason },
    });
  } else {
    set.closed_at = now;
    set.close_note = body.note ?? null;
    notices.push({
      kind: 'feedback.closed',
      recipientId: null,
      toCitizen: true,
      payload: { email: c.contactEmail, reference: c.reference },
    });
  }
  if (!(await store.updateCase(db, { agencyId: c.agencyId, id: c.id, version: c.version }, set)))
    throw new Problem(409, 'feedback_version_conflict');
  for (const n of notices) {
    await enqueue(
      db,
      {
        agencyId: c.agencyId,
        kind: n.kind,
        recipientId: n.recipientId,
        recipientCitizenId: n.toCitizen ? c.citizenId : null,
        dossierId: null,
        payload: n.payload,
        dedupeKey: `feedback:${c.id}:${action}:${c.version}:${n.recipientId ?? 'citizen'}`,
      },
      now,
    );
  }
  return feedbackCase(db, session, id, now);
}

// ---- Publication ----

/** What the system holds about the people a case names: removed wherever they are written. */
const knownOf = (c: store.CaseRecord) => [c.citizenName, c.contactName, c.contactEmail, c.assignee?.name];

function merged(a: Redacted, b: Redacted) {
  const counts = new Map<string, number>();
  for (const r of [...a.removed, ...b.removed]) counts.set(r.kind, (counts.get(r.kind) ?? 0) + r.count);
  return [...counts].map(([kind, count]) => ({ kind: kind as Redacted['removed'][number]['kind'], count }));
}

async function publishable(db: Queryable, session: Session, id: string, lock = false) {
  const r = await readable(db, session, id, lock);
  if (!mayPublishFeedback(r.actor, r.subject)) throw new Problem(403, 'feedback_action_not_allowed');
  if (!r.c.answer) throw new Problem(409, 'feedback_not_answered');
  return r.c;
}

/** The redacted question and answer the officer reads, edits and confirms before publishing. */
export async function publicationDraft(db: Queryable, session: Session, id: string) {
  const c = await publishable(db, session, id);
  const q = redactPersonalData(c.message, knownOf(c));
  const a = redactPersonalData(c.answer!, knownOf(c));
  return { question: q.text, answer: a.text, removed: merged(q, a) };
}

/** Publishes the confirmed text; the rule runs again on it, so an edit cannot bring a name back. */
export async function publishFeedback(
  db: Queryable,
  session: Session,
  id: string,
  body: { question: string; answer: string },
  now: Date,
) {
  const c = await publishable(db, session, id, true);
  const question = redactPersonalData(body.question, knownOf(c)).text;
  const answer = redactPersonalData(body.answer, knownOf(c)).text;
  await store.updateCase(
    db,
    { agencyId: c.agencyId, id: c.id, version: c.version },
    {
      published_question: question,
      published_answer: answer,
      published_search: foldVietnamese(`${c.reference} ${c.procedureName ?? ''} ${question} ${answer}`),
      published_at: now,
      published_by: session.user.id,
    },
  );
  return feedbackCase(db, session, id, now);
}

export async function publishedFeedback(db: Queryable, q: { q?: string | undefined; page: number }) {
  const pageSize = 20;
  const rows = await store.publishedPage(db, {
    terms: searchTerms(q.q ?? '').slice(0, 8),
    limit: pageSize,
    offset: (q.page - 1) * pageSize,
  });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      reference: r.reference,
      topic: r.topic,
      agencyName: r.agency_name,
      procedureName: r.procedure_name,
      question: r.published_question,
      answer: r.published_answer,
      receivedOn: String(r.received_on),
      answeredOn: vietnamDateOf(new Date(r.answered_at)),
      publishedAt: new Date(r.published_at).toISOString(),
    })),
  };
}

// ---- The citizen rates the answer ----

async function byToken(db: Queryable, token: string, lock = false) {
  const c = await store.caseByRatingToken(db, token, lock);
  if (!c?.answer) throw new Problem(404, 'feedback_rating_not_found');
  return c;
}

export async function answerRatingForm(db: Queryable, token: string) {
  const c = await byToken(db, token);
  const [agency] = await db.query<{ name: string }>('SELECT name FROM org_unit WHERE id = $1', [c.agencyId]);
  return {
    reference: c.reference,
    agencyName: agency!.name,
    answer: c.answer!,
    ratedAt: c.ratedAt?.toISOString() ?? null,
  };
}

/** Rates an answer once: the row is locked, so a second submission, even at once, is refused. */
export async function rateAnswer(db: Queryable, token: string, input: RatingInput, now: Date) {
  const c = await byToken(db, token, true);
  if (c.rating) throw new Problem(409, 'feedback_rating_given');
  const issues = ratingIssues(input);
  if (issues.length > 0) throw fieldProblem(...issues.map((i) => fieldIssue(i.path, i.code)));
  await store.updateCase(
    db,
    { agencyId: c.agencyId, id: c.id, version: c.version },
    { rating: input.value, rating_comment: input.comment, rated_at: now },
  );
  return { id: c.id, value: input.value, channel: 'link' as const, followUp: false };
}

// ---- Figures ----

/** 5.2 and 5.3's inputs for an agency (or some of its units) over a period of Vietnam dates. */
export async function feedbackFigures(
  db: Queryable,
  p: store.FeedbackPeriod,
  now: Date,
): Promise<FeedbackFigures> {
  const end = new Date(Math.min(now.getTime(), Date.parse(`${p.to}T23:59:59.999+07:00`)));
  const t = await store.caseTallies(db, p, end);
  const negative = t.ratings.filter((r) => isNegativeRating(r.rating)).reduce((s, r) => s + r.n, 0);
  return {
    received: t.counts.total! - t.counts.rejected!,
    answeredOnTime: t.counts.on_time!,
    openInTime: t.counts.open_in_time!,
    answerRatings: t.ratings.reduce((s, r) => s + r.n, 0),
    answerRatingsNegative: negative,
  };
}

export async function feedbackStatistics(
  db: Queryable,
  session: Session,
  q: { agencyId: string; from: string; to: string },
  now: Date,
): Promise<FeedbackStatistics> {
  await demandStatistics(db, session, q.agencyId);
  const t = await store.caseTallies(db, { ...q, unitIds: null }, now);
  const ratings = { satisfied: 0, acceptable: 0, not_satisfied: 0 };
  for (const r of t.ratings) ratings[r.rating] = r.n;
  const onTime = t.counts.on_time!;
  const late = t.counts.late!;
  return {
    agencyId: q.agencyId,
    from: q.from,
    to: q.to,
    received: t.counts.total!,
    byState: {
      received: t.counts.received!,
      assigned: t.counts.assigned!,
      answered: t.counts.answered!,
      closed: t.counts.closed!,
      rejected: t.counts.rejected!,
    },
    answeredOnTime: onTime,
    answeredLate: late,
    onTimeRate: rateOf(onTime, onTime + late),
    ratings,
  };
}
