import {
  actionCounters,
  type CalendarConfig,
  type CountingPolicy,
  counterDeltas,
  type DossierEvent,
  type DossierSnapshot,
  handoverStepOf,
  needsHandover,
} from '@motcua/core';
import { citizensWithIdHmac } from '../citizen-dossiers/store.ts';
import type { Queryable } from '../db/database.ts';
import { enqueue } from '../jobs/outbox.ts';
import { issueSurveyLink, surveyLinkPath } from '../surveys/links.ts';
import { appendEvent } from './audit-chain.ts';
import { appendHandover, bumpCounters, countedDays, setCountedDays } from './records-store.ts';
import type { DossierRecord } from './store.ts';

export interface Consequences {
  dossier: Pick<
    DossierRecord,
    'id' | 'agencyId' | 'fieldCode' | 'channel' | 'receivingUnitId' | 'applicantCitizenId'
  > & { applicantIdHmac?: string | null };
  before: DossierSnapshot | null;
  after: DossierSnapshot;
  event: DossierEvent;
  actor: { userId: string | null; name: string; replay?: unknown };
  from: { unitId: string | null; userId: string | null };
  to: { unitId: string | null; userId: string | null };
  now: Date;
  /** The agency's calendar and reading of Decision 766, for the statistics counters. */
  calendar: CalendarConfig;
  policy: CountingPolicy;
}

/** Actions the applicant is told about (`receive` is an online submission accepted at the counter). */
const APPLICANT_NOTICES = new Set([
  'receive',
  'request_supplement',
  'approve',
  'refuse',
  'stop',
  'extend',
  'accept_withdrawal',
]);

/** What every accepted action writes besides the dossier: history, control sheet, counters, notifications. */
export async function recordConsequences(tx: Queryable, c: Consequences): Promise<void> {
  await appendEvent(tx, {
    agencyId: c.dossier.agencyId,
    dossierId: c.dossier.id,
    at: c.now,
    actorId: c.actor.userId,
    actorName: c.actor.name,
    action: c.event.action,
    fromState: c.event.fromState,
    toState: c.event.toState,
    payload: c.event.payload,
    firstOfDossier: c.before === null,
  });

  if (needsHandover(c.event, c.before === null, c.from, c.to)) {
    await appendHandover(tx, {
      agencyId: c.dossier.agencyId,
      dossierId: c.dossier.id,
      at: c.now,
      from: c.from,
      to: c.to,
      ...handoverStepOf(c.event),
      note: c.event.action,
    });
  }

  // Statistics (Biểu số 06): core says which counters move and on which days.
  const group = {
    agencyId: c.dossier.agencyId,
    unitId: c.dossier.receivingUnitId,
    fieldCode: c.dossier.fieldCode,
    channel: c.dossier.channel,
  };
  // A new dossier is held by no counter yet, so there is nothing to read back.
  const held = c.before ? await countedDays(tx, c.dossier.agencyId, c.dossier.id) : null;
  // A dossier older than the state counters holds nothing yet: it enters them from this action.
  const counted = counterDeltas(
    c.before,
    c.after,
    c.now,
    c.calendar,
    c.policy,
    held ?? (c.before ? { open: null, overdue: null } : undefined),
  );
  await bumpCounters(tx, group, [
    ...counted.deltas,
    ...actionCounters(c.before, c.after, c.now).map((d) => ({ ...d, delta: 1 })),
  ]);
  await setCountedDays(tx, { dossierId: c.dossier.id, agencyId: c.dossier.agencyId }, counted.holds);

  // Replayed history happened in the previous system, which told whom it had to at the time.
  if (c.actor.replay) return;
  // The applicant is a portal account when a citizen submitted, or the one whose verified identity
  // number is the counter dossier's applicant's (matched by HMAC, the dossier unchanged); else a user.
  const matched =
    !c.dossier.applicantCitizenId &&
    !c.after.applicantId &&
    c.dossier.applicantIdHmac &&
    (APPLICANT_NOTICES.has(c.event.action) || c.event.action === 'return_result')
      ? ((await citizensWithIdHmac(tx, c.dossier.applicantIdHmac))[0] ?? null)
      : null;
  const citizenId = c.dossier.applicantCitizenId ?? matched;
  const applicant = citizenId
    ? { recipientId: null, recipientCitizenId: citizenId }
    : { recipientId: c.after.applicantId ?? null, recipientCitizenId: null };
  const notify = (kind: string, to: { recipientId: string | null; recipientCitizenId: string | null }) =>
    (to.recipientId ?? to.recipientCitizenId)
      ? enqueue(
          tx,
          {
            agencyId: c.dossier.agencyId,
            kind,
            ...to,
            dossierId: c.dossier.id,
            payload: {
              action: c.event.action,
              state: c.after.state,
              dueAt: c.after.dueAt,
              // What a supplement request asks for (Mẫu 02's numbered items), for the applicant's email.
              ...(c.event.action === 'request_supplement' ? { items: c.event.payload.items ?? [] } : {}),
            },
            dedupeKey: `${c.dossier.id}:${c.event.action}:${c.now.getTime()}:${kind}:${to.recipientId ?? to.recipientCitizenId}`,
          },
          c.now,
        )
      : Promise.resolve(false);
  if (c.event.action === 'return_result') {
    // The satisfaction survey's one-time link (SIPAS), shown on the dossier page and sent with the result.
    const token = await issueSurveyLink(tx, c.dossier, c.now);
    await enqueue(
      tx,
      {
        agencyId: c.dossier.agencyId,
        kind: 'dossier.applicant.survey',
        ...applicant,
        dossierId: c.dossier.id,
        payload: { action: c.event.action, state: c.after.state, surveyPath: surveyLinkPath(token) },
        dedupeKey: `${c.dossier.id}:survey-link`,
      },
      c.now,
    );
  }
  if (c.to.userId && c.to.userId !== c.from.userId)
    await notify('dossier.assigned', { recipientId: c.to.userId, recipientCitizenId: null });
  if (APPLICANT_NOTICES.has(c.event.action)) await notify(`dossier.applicant.${c.event.action}`, applicant);
  // A portal citizen is told their online submission arrived, with the 8-working-hour rule.
  if (c.event.action === 'submit_online' && c.dossier.applicantCitizenId)
    await notify('dossier.applicant.submit_online', applicant);
}
