import {
  type CountingPolicy,
  classify,
  type DossierEvent,
  type DossierSnapshot,
  stepChangeOf,
  vietnamDateOf,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { enqueue } from '../jobs/outbox.ts';
import { appendEvent } from './audit-chain.ts';
import { appendHandover, bumpCounter } from './records-store.ts';
import type { DossierRecord } from './store.ts';

export interface Consequences {
  dossier: Pick<DossierRecord, 'id' | 'agencyId' | 'fieldCode' | 'channel' | 'receivingUnitId'>;
  before: DossierSnapshot | null;
  after: DossierSnapshot;
  event: DossierEvent;
  actor: { userId: string | null; name: string; replay?: unknown };
  from: { unitId: string | null; userId: string | null };
  to: { unitId: string | null; userId: string | null };
  now: Date;
  /** The agency's reading of Decision 766, for the resolved_* counters. */
  policy: CountingPolicy;
}

/** Actions the applicant is told about. */
const APPLICANT_NOTICES = new Set(['request_supplement', 'approve', 'refuse', 'stop', 'extend']);

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
  });

  const { finished, started } = stepChangeOf(c.event.payload);
  const holderChanged = c.from.unitId !== c.to.unitId || c.from.userId !== c.to.userId;
  if (finished || started || holderChanged || c.before === null) {
    await appendHandover(tx, {
      agencyId: c.dossier.agencyId,
      dossierId: c.dossier.id,
      at: c.now,
      from: c.from,
      to: c.to,
      stepName: finished?.name ?? started?.name ?? null,
      stepDueAt: finished?.dueAt ?? null,
      result: finished?.timeliness ?? null,
      note: c.event.action,
    });
  }

  const day = vietnamDateOf(c.now);
  const count = (metric: string) =>
    bumpCounter(tx, {
      agencyId: c.dossier.agencyId,
      fieldCode: c.dossier.fieldCode,
      channel: c.dossier.channel,
      day,
      metric,
    });
  if (!c.before?.receivedAt && c.after.receivedAt) await count('received');
  if (c.before === null && c.after.state === 'submitted') await count('submitted');
  if (!c.before?.endedAt && c.after.endedAt) {
    const kind = c.after.endKind;
    if (kind === 'processed')
      await count(`resolved_${classify(c.after, new Date(c.after.endedAt), c.policy) ?? 'on_time'}`);
    else await count(`ended_${kind ?? 'other'}`);
  }
  if (c.before && !c.before.returnedAt && c.after.returnedAt) await count('returned');

  // Replayed history happened in the previous system, which told whom it had to at the time.
  if (c.actor.replay) return;
  const notify = (kind: string, recipientId: string | null) =>
    recipientId
      ? enqueue(
          tx,
          {
            agencyId: c.dossier.agencyId,
            kind,
            recipientId,
            dossierId: c.dossier.id,
            payload: { action: c.event.action, state: c.after.state, dueAt: c.after.dueAt },
            dedupeKey: `${c.dossier.id}:${c.event.action}:${c.now.getTime()}:${kind}:${recipientId}`,
          },
          c.now,
        )
      : Promise.resolve(false);
  if (c.to.userId && c.to.userId !== c.from.userId) await notify('dossier.assigned', c.to.userId);
  if (c.after.applicantId && APPLICANT_NOTICES.has(c.event.action)) {
    await notify(`dossier.applicant.${c.event.action}`, c.after.applicantId);
  }
}
