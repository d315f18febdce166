import { randomUUID } from 'node:crypto';
import {
  isNegativeRating,
  RATING_REASON_CODES,
  RATING_REASONS,
  type RatingChannel,
  type RatingInput,
  type RatingStatistics,
  ratingIssues,
  vietnamDateOf,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { CitizenSession } from '../citizen-auth/sessions.ts';
import { ownDossier } from '../citizen-dossiers/service.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { findByCode } from '../dossiers/store.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { enqueue } from '../jobs/outbox.ts';
import { ancestorIds, descendantIds } from '../org/tree.ts';
import { reformSubject } from '../reform/access.ts';
import { kioskOf, linkOf } from '../surveys/service.ts';
import * as store from './store.ts';

/**
 * The citizen's rating of a returned dossier, once per dossier, from the page the returned
 * result's one-time link opens (the same link as the SIPAS survey, issued in `return_result`'s
 * transaction), from the counter tablet, or from the applicant's own account. A "not satisfied"
 * rating opens a follow-up for the receiving unit's heads, who are told through the outbox.
 */

async function record(
  db: Queryable,
  dossierId: string,
  input: RatingInput,
  channel: RatingChannel,
  now: Date,
) {
  const issues = ratingIssues(input);
  if (issues.length > 0) throw fieldProblem(...issues.map((i) => fieldIssue(i.path, i.code)));
  const d = await store.ratingDossier(db, dossierId);
  if (!d) throw new Problem(404, 'dossier_not_found');
  if (!d.returned) throw new Problem(409, 'rating_not_returned');
  const negative = isNegativeRating(input.value);
  const id = randomUUID();
  const inserted = await store.insertRating(db, {
    agencyId: d.agencyId,
    id,
    dossierId: d.id,
    unitId: d.receivingUnitId,
    value: input.value,
    reasons: input.reasons,
    comment: input.comment,
    channel,
    ratedAt: now,
    ratedOn: vietnamDateOf(now),
    followUp: negative,
  });
  if (!inserted) throw new Problem(409, 'rating_already_given');
  if (negative) {
    for (const head of await store.headsOfUnit(db, await ancestorIds(db, d.receivingUnitId))) {
      await enqueue(
        db,
        {
          agencyId: d.agencyId,
          kind: 'rating.follow_up',
          recipientId: head,
          dossierId: d.id,
          payload: {
            ratingId: id,
            reasons: input.reasons,
            // The reasons as the head reads them, in either language of the template.
            reasonsText: {
              vi: input.reasons.map((r) => RATING_REASONS.find((x) => x.code === r)!.vi).join('; '),
              en: input.reasons.map((r) => RATING_REASONS.find((x) => x.code === r)!.en).join('; '),
            },
          },
          dedupeKey: `${d.id}:rating-follow-up:${head}`,
        },
        now,
      );
    }
  }
  return { id, value: input.value, channel, followUp: negative };
}

/** The rating page of a returned dossier's link (the survey link's token). */
export async function linkRatingForm(db: Queryable, token: string) {
  const link = await linkOf(db, token);
  const d = (await store.ratingDossier(db, link.dossierId))!;
  return {
    dossierCode: d.code,
    procedureName: d.procedureName,
    agencyName: d.agencyName,
    unitName: d.unitName,
    ratedAt: await store.ratedAt(db, d.agencyId, d.id),
  };
}

export async function rateByLink(db: Queryable, token: string, input: RatingInput, now: Date) {
  const link = await linkOf(db, token);
  return record(db, link.dossierId, input, 'link', now);
}

/** At the counter tablet: the citizen types the code of the dossier just returned at that counter. */
export async function rateAtKiosk(
  db: Queryable,
  token: string,
  input: RatingInput & { dossierCode: string },
  now: Date,
) {
  const kiosk = await kioskOf(db, token, now);
  const dossier = await findByCode(db, input.dossierCode.trim());
  const unknown = () => fieldProblem(fieldIssue('dossierCode', 'rating_dossier_code_unknown'));
  if (!dossier || dossier.agencyId !== kiosk.agencyId) throw unknown();
  if (!(await ancestorIds(db, dossier.receivingUnitId)).includes(kiosk.unitId)) throw unknown();
  const { dossierCode: _code, ...rating } = input;
  return record(db, dossier.id, rating, 'kiosk', now);
}

/**
 * The applicant rates their own dossier while signed in: either a citizen portal account
 * (`citizen_account`, the dossier's `applicant_citizen_id`) or a staff-session account holding the
 * citizen role that is the dossier's `applicantId`. Anyone else's dossier is not found.
 */
export async function rateAsApplicant(
  db: Queryable,
  who: { session: Session } | { citizen: CitizenSession; ctx: AppContext },
  dossierId: string,
  input: RatingInput,
  now: Date,
) {
  const d = await store.ratingDossier(db, dossierId);
  if (!d) throw new Problem(404, 'dossier_not_found');
  if ('citizen' in who) {
    // Theirs as on "my dossiers": their account's, or a counter dossier of their verified identity number (else 404).
    await ownDossier(who.ctx, db, who.citizen, dossierId);
  } else if (!who.session.roles.some((g) => g.role === 'citizen') || d.applicantId !== who.session.user.id) {
    throw new Problem(404, 'dossier_not_found');
  }
  return record(db, dossierId, input, 'account', now);
}

/**
 * The units whose not-satisfied ratings the session's head-of-unit grants cover, and the agencies
 * they may belong to: a public service centre receives for every agency, so all of them.
 */
async function followUpScope(db: Queryable, session: Session) {
  const grants = session.roles.filter((g) => g.role === 'head_of_unit');
  if (grants.length === 0) throw new Problem(403, 'forbidden');
  const agencies = await db.query<{ id: string }>('SELECT id FROM org_unit WHERE agency_id = id');
  return {
    agencyIds: agencies.map((a) => a.id),
    unitIds: await descendantIds(
      db,
      grants.map((g) => g.unitId),
    ),
  };
}

export async function followUps(db: Queryable, session: Session) {
  const scope = await followUpScope(db, session);
  return { items: await store.listFollowUps(db, scope.agencyIds, [...scope.unitIds]) };
}

export async function closeFollowUp(db: Queryable, session: Session, id: string, note: string, now: Date) {
  const scope = await followUpScope(db, session);
  const f = await store.followUpOf(db, id, true);
  if (f?.value !== 'not_satisfied' || !scope.unitIds.has(f.unitId))
    throw new Problem(404, 'rating_follow_up_not_found');
  if (!f.open) throw new Problem(409, 'rating_follow_up_closed');
  await store.closeFollowUp(db, { agencyId: f.agencyId, id, userId: session.user.id, note, now });
  const item = (await store.listFollowUps(db, [f.agencyId], [f.unitId])).find((x) => x.id === id)!;
  return item;
}

/** Who reads an agency's rating and feedback statistics: its leaders and its reform office. */
export async function demandStatistics(db: Queryable, session: Session, agencyId: string) {
  const subject = await reformSubject(db, agencyId);
  const ok = session.roles.some(
    (g) => (g.role === 'leader' || g.role === 'reform_officer') && subject.agencyChain.includes(g.unitId),
  );
  if (!ok) throw new Problem(403, 'forbidden');
}

export async function ratingStatistics(
  db: Queryable,
  session: Session,
  q: { agencyId: string; from: string; to: string },
): Promise<RatingStatistics> {
  await demandStatistics(db, session, q.agencyId);
  const t = await store.ratingTallies(db, { ...q, unitIds: null });
  const byValue = { satisfied: 0, acceptable: 0, not_satisfied: 0 };
  for (const r of t.byValue) byValue[r.value] = r.n;
  return {
    agencyId: q.agencyId,
    from: q.from,
    to: q.to,
    total: byValue.satisfied + byValue.acceptable + byValue.not_satisfied,
    byValue,
    byReason: t.byReason
      .filter((r) => RATING_REASON_CODES.includes(r.code))
      .map((r) => ({ code: r.code, count: r.n })),
    openFollowUps: t.openFollowUps,
  };
}
