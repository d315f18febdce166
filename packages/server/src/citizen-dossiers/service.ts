import {
  type CitizenDossier,
  DOCUMENT_EVENT_LABELS,
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATE_INFO,
  dossierReadModel,
  inDossierScope,
  isDossierAction,
  type Locale,
  scopeIdHmac,
} from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import { type CitizenSession, citizenActor } from '../citizen-auth/sessions.ts';
import { sessionScope } from '../citizen-business/service.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { maskDigits } from '../dossiers/applicant.ts';
import { appendEvent } from '../dossiers/audit-chain.ts';
import { loadHistory } from '../dossiers/history.ts';
import { performAction } from '../dossiers/service.ts';
import { type DossierRecord, loadDossier } from '../dossiers/store.ts';
import { summary } from '../dossiers/views.ts';
import { publicPayment } from '../fees/service.ts';
import { acceptUpload } from '../files/store.ts';
import { Problem, problemMessage } from '../http/problem.ts';
import { publicPostalShipments } from '../postal/service.ts';
import { ratingOf } from '../ratings/store.ts';
import {
  dossiersOfCitizen,
  insertCitizenDocument,
  lastEventOf,
  procedureNameOf,
  resultDocument,
} from './store.ts';

/** The items of the latest supplement request (Mẫu 02's numbered list). */
function askedItems(events: Awaited<ReturnType<typeof loadHistory>>) {
  const last = events.findLast((e) => e.action === 'request_supplement');
  return (
    (last?.payload as { items?: { number: number; description: string; reason: string }[] } | undefined)
      ?.items ?? []
  );
}

export async function listCitizenDossiers(ctx: AppContext, session: CitizenSession, locale: Locale) {
  const { scope } = await sessionScope(ctx, ctx.db, session);
  const rows = await dossiersOfCitizen(ctx.db, scope);
  const now = ctx.now();
  const items = [];
  for (const { record, procedureName } of rows) {
    const cal = await loadCalendar(ctx.db, record.agencyId);
    items.push({ ...summary(record, locale, now, cal.config, cal.policy), procedureName });
  }
  return { items };
}

/** A citizen's dossier and the identity the session acts with (core `scopeIdHmac`). */
interface OwnDossier {
  d: DossierRecord;
  idHmac: string | null;
}

/**
 * The session's dossier, or 404 (someone else's is not told apart from one that does not exist).
 * Acting as the person: they are its applicant account, or a counter dossier whose applicant identity
 * number has their verified number's HMAC. Acting for a business: core `inDossierScope`. Viewing
 * changes nothing: the engine's own_dossier guard takes the same HMAC (the actor carries it), so the
 * dossier and its history stay as the counter wrote them.
 */
export async function ownDossier(
  ctx: AppContext,
  db: Queryable,
  session: CitizenSession,
  id: string,
  lock = false,
): Promise<OwnDossier> {
  const d = await loadDossier(db, id, lock);
  if (!d) throw new Problem(404, 'dossier_not_found');
  const { scope } = await sessionScope(ctx, db, session);
  if (
    !inDossierScope(scope, { applicantCitizenId: d.applicantCitizenId, applicantIdHmac: d.applicantIdHmac })
  )
    throw new Problem(404, 'dossier_not_found');
  return { d, idHmac: scopeIdHmac(scope) };
}

/** The citizen as the engine's actor, with the identity they act with for counter dossiers. */
const actorOf = (session: CitizenSession, idHmac: string | null) => ({
  ...citizenActor(session),
  citizenIdHmac: idHmac,
});

export async function citizenDossier(
  ctx: AppContext,
  session: CitizenSession,
  id: string,
  locale: Locale,
): Promise<CitizenDossier> {
  const { d, idHmac } = await ownDossier(ctx, ctx.db, session, id);
  const now = ctx.now();
  const cal = await loadCalendar(ctx.db, d.agencyId);
  const model = dossierReadModel(d.snapshot, now, cal.config, cal.policy, {
    actor: { id: session.citizen.id, roles: ['citizen'], idHmac },
    supplementLimitWorkingDays: cal.supplementLimitDays,
    applicantIdHmac: d.applicantIdHmac,
  });
  const events = await loadHistory(ctx.db, d.agencyId, d.id);
  const asked = askedItems(events);
  const result = await resultDocument(ctx.db, d.agencyId, d.id);
  return {
    ...summary(d, locale, now, cal.config, cal.policy),
    procedureName: await procedureNameOf(ctx.db, d.procedureVersionId),
    applicantIdNumberMasked: d.applicant.idNumber ? maskDigits(d.applicant.idNumber) : null,
    timeline: events.map((e) => ({
      at: e.at,
      title: isDossierAction(e.action)
        ? DOSSIER_ACTION_LABELS[e.action].title[locale]
        : DOCUMENT_EVENT_LABELS[e.action][locale],
      toStateLabel: DOSSIER_STATE_INFO[e.toState].label[locale],
    })),
    supplementItems:
      d.state === 'awaiting_supplement'
        ? asked.map((i) => ({ number: i.number, description: i.description, reason: i.reason }))
        : [],
    canWithdraw: model.actions.includes('request_withdrawal'),
    result: result ? { filename: result.filename, mediaType: result.media_type, size: result.size } : null,
    postal: await publicPostalShipments(ctx.db, d.agencyId, d.id, locale),
    payment: d.state === 'awaiting_payment' ? await publicPayment(ctx.db, d.agencyId, d.id) : null,
    rating: await ratingOf(ctx.db, d.agencyId, d.id),
  };
}

/**
 * The item numbers a supplement may answer now (none when the dossier is not awaiting one), read
 * before the upload so the request takes no more files than that. 404 when it is not theirs.
 */
export async function supplementItemNumbers(
  ctx: AppContext,
  session: CitizenSession,
  id: string,
): Promise<number[]> {
  const { d } = await ownDossier(ctx, ctx.db, session, id);
  if (d.state !== 'awaiting_supplement') return [];
  return askedItems(await loadHistory(ctx.db, d.agencyId, d.id)).map((i) => i.number);
}

/**
 * The citizen answers a supplement request online: one file per item asked for, checked by content,
 * then the engine's `receive_supplement` as the citizen. A retry or a second click after the first
 * was applied answers as the first did, and nothing is attached twice.
 */
/**
 * A refused file of a supplement, named by its item: the message goes next to that item's file
 * field (several items are sent together, so the person must see which file was refused).
 */
function refusedItem(error: unknown, number: number): unknown {
  if (!(error instanceof Problem) || error.errors) return error;
  const message = {
    vi: problemMessage(error.code, 'vi', error.params),
    en: problemMessage(error.code, 'en', error.params),
  };
  return new Problem(
    error.status,
    error.code,
    error.params,
    [{ path: `item_${number}`, message }],
    undefined,
    error.extra,
  );
}

export async function submitSupplement(
  ctx: AppContext,
  session: CitizenSession,
  id: string,
  files: Map<number, { data: Buffer; filename: string }>,
): Promise<{ applied: 'now' | 'already' }> {
  return ctx.db.transaction(async (tx) => {
    const { d, idHmac } = await ownDossier(ctx, tx, session, id, true);
    if (d.state !== 'awaiting_supplement') {
      const last = await lastEventOf(tx, d.agencyId, d.id);
      if (last?.action === 'receive_supplement') return { applied: 'already' as const };
      throw new Problem(409, 'supplement_not_requested');
    }
    const items = askedItems(await loadHistory(tx, d.agencyId, d.id));
    const missing = items.filter((i) => !files.has(i.number));
    const extra = [...files.keys()].filter((n) => !items.some((i) => i.number === n));
    if (missing.length > 0 || extra.length > 0) {
      throw new Problem(
        422,
        'supplement_items_mismatch',
        { items: missing.map((i) => i.number).join(', ') || extra.join(', ') },
        missing.map((i) => ({
          path: `item_${i.number}`,
          message: {
            vi: `Chọn tệp cho mục ${i.number}: ${i.description}`,
            en: `Choose a file for item ${i.number}: ${i.description}`,
          },
        })),
      );
    }
    const at = ctx.now();
    const actor = actorOf(session, idHmac);
    for (const item of items) {
      const file = files.get(item.number)!;
      const accepted = await acceptUpload(ctx.files, tx, file.data, ctx.config.uploadMaxBytes, at, {
        filename: file.filename,
      }).catch((error: unknown) => {
        throw refusedItem(error, item.number);
      });
      const filename = file.filename.slice(0, 300);
      const documentId = await insertCitizenDocument(tx, {
        agencyId: d.agencyId,
        dossierId: d.id,
        name: item.description.slice(0, 300),
        filename,
        sha256: accepted.sha256,
        at,
      });
      await appendEvent(tx, {
        agencyId: d.agencyId,
        dossierId: d.id,
        at,
        actorId: null,
        actorName: actor.name,
        action: 'document_added',
        fromState: d.state,
        toState: d.state,
        payload: {
          documentId,
          name: item.description.slice(0, 300),
          kind: 'supplement',
          mediaType: accepted.mediaType,
          size: accepted.size,
          sha256: accepted.sha256,
        },
      });
    }
    const fresh = (await loadDossier(tx, d.id, true, d.agencyId))!;
    await performAction(
      ctx,
      tx,
      {
        dossierId: d.id,
        action: 'receive_supplement',
        expectedVersion: fresh.version,
        input: { documents: items.map((i) => i.description) },
      },
      actor,
    );
    return { applied: 'now' as const };
  });
}

export async function requestWithdrawal(
  ctx: AppContext,
  session: CitizenSession,
  id: string,
  body: { reason: string; expectedVersion: number },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { idHmac } = await ownDossier(ctx, tx, session, id, true);
    await performAction(
      ctx,
      tx,
      {
        dossierId: id,
        action: 'request_withdrawal',
        expectedVersion: body.expectedVersion,
        input: { reason: body.reason },
      },
      actorOf(session, idHmac),
    );
  });
}

export async function citizenResult(ctx: AppContext, session: CitizenSession, id: string) {
  const { d } = await ownDossier(ctx, ctx.db, session, id);
  const doc = await resultDocument(ctx.db, d.agencyId, d.id);
  if (!doc) throw new Problem(404, 'result_not_electronic');
  return { ...doc, data: await ctx.files.get(doc.sha256) };
}
