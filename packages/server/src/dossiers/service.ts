import { randomUUID } from 'node:crypto';
import {
  type ActorRole,
  classify,
  type DossierAction,
  type DossierEvent,
  type DossierSnapshot,
  decide,
  dossierProcedureOf,
  foldVietnamese,
  formatDossierCode,
  nationalStatusOf,
  type ProcedureContent,
  type Refusal,
  vietnamDateOf,
} from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { enqueue } from '../jobs/outbox.ts';
import { ancestorIds } from '../org/tree.ts';
import type { Applicant } from './applicant.ts';
import { appendEvent } from './audit-chain.ts';
import { nextSequenceNumber } from './sequence.ts';
import { type DossierRecord, insertDossier, loadDossier, setCode, updateDossier } from './store.ts';

/** Who is acting: a staff member or applicant, or the system (deadline jobs). */
export interface Actor {
  userId: string | null;
  name: string;
  /** Every role grant of the user, with the unit it is held on. */
  grants: readonly { role: ActorRole; unitId: string }[];
}

export const SYSTEM: Actor = { userId: null, name: 'Hệ thống', grants: [] };

/** The roles an actor holds for this dossier: grants on its agency, its receiving unit or a unit above them. */
export async function rolesOnDossier(
  db: Queryable,
  actor: Actor,
  dossier: {
    agencyId: string;
    receivingUnitId: string;
    currentUnitId: string | null;
    applicantUserId: string | null;
  },
): Promise<ActorRole[]> {
  if (actor.userId === null) return ['system'];
  const chains = new Set<string>();
  for (const unit of [dossier.agencyId, dossier.receivingUnitId, dossier.currentUnitId]) {
    if (unit) for (const id of await ancestorIds(db, unit)) chains.add(id);
  }
  const roles = new Set<ActorRole>();
  for (const g of actor.grants) {
    if (g.role === 'citizen') {
      if (dossier.applicantUserId === actor.userId) roles.add('citizen');
    } else if (chains.has(g.unitId)) {
      roles.add(g.role);
    }
  }
  return [...roles];
}

/** Refusals become answers: a wrong state or a used-up right is a conflict, bad input is 422, a role 403. */
export function refusalProblem(refusal: Refusal): Problem {
  const status =
    refusal.code === 'invalid_input' || refusal.code === 'checklist_incomplete'
      ? 422
      : refusal.code === 'role_not_allowed' ||
          refusal.code === 'not_applicant' ||
          refusal.code === 'not_assignee'
        ? 403
        : 409;
  const errors = refusal.issues?.map((i) => ({ path: i.path, message: i.message }));
  return new Problem(status, 'dossier_action_refused', { reason: refusal.message }, errors, undefined, {
    rule: refusal.code,
  });
}

interface ProcedureForDossier {
  id: string;
  versionId: string;
  agencyId: string;
  fieldCode: string;
  content: ProcedureContent;
}

export async function procedureForDossier(db: Queryable, procedureId: string): Promise<ProcedureForDossier> {
  const [row] = await db.query<{
    id: string;
    current_version_id: string;
    agency_id: string;
    field_code: string;
    content: ProcedureContent;
  }>(
    `SELECT p.id, p.current_version_id, p.agency_id, p.field_code, v.content
       FROM procedure p JOIN procedure_version v ON v.id = p.current_version_id
      WHERE p.id = $1 AND p.status IN ('in_force', 'amended')`,
    [procedureId],
  );
  if (!row) throw new Problem(422, 'procedure_not_in_force');
  return {
    id: row.id,
    versionId: row.current_version_id,
    agencyId: row.agency_id,
    fieldCode: row.field_code,
    content: row.content,
  };
}

/** The unit that holds the dossier at its current step: the step's unit, else the competent agency. */
async function holderUnit(
  db: Queryable,
  snapshot: DossierSnapshot,
  agencyId: string,
  receivingUnitId: string,
) {
  const step = snapshot.step ? snapshot.procedure.steps[snapshot.step.index] : null;
  if (step?.unitCode) {
    const [unit] = await db.query<{ id: string }>('SELECT id FROM org_unit WHERE code = $1', [step.unitCode]);
    if (unit) return unit.id;
  }
  if (step?.role === 'counter_officer') return receivingUnitId;
  return agencyId;
}

export interface CreateDossierInput {
  procedureId: string;
  channel: 'counter' | 'post' | 'online';
  receivingUnitId: string;
  applicant: Applicant;
  applicantUserId: string | null;
  /** Counter receipt: 'receive' (default) or 'refuse' with a reason (form 03). */
  decision: 'receive' | 'refuse';
  checklist?: { document: string; received: boolean; copies?: number }[] | undefined;
  reason?: string | undefined;
}

/**
 * Creates a dossier: an online submission, a receipt at the counter or by post (with its code and
 * appointment date), or a refusal at the counter. One transaction: the dossier row, its code from
 * the receiving unit's daily sequence, the first event, the control sheet, counters, notifications.
 */
export async function createDossier(
  ctx: AppContext,
  tx: Queryable,
  input: CreateDossierInput,
  actor: Actor,
): Promise<string> {
  const procedure = await procedureForDossier(tx, input.procedureId);
  const dossierProcedure = dossierProcedureOf(procedure.content);
  if (!dossierProcedure) throw new Problem(422, 'procedure_without_time');
  const [receiving] = await tx.query<{ code: string; kind: string }>(
    'SELECT code, kind FROM org_unit WHERE id = $1',
    [input.receivingUnitId],
  );
  if (!receiving) throw new Problem(422, 'unit_not_found');
  const now = ctx.now();
  const action: DossierAction = input.channel === 'online' ? 'submit_online' : input.decision;
  const commandInput =
    action === 'submit_online'
      ? { procedure: dossierProcedure }
      : action === 'refuse'
        ? {
            procedure: dossierProcedure,
            channel: input.channel,
            applicantId: input.applicantUserId,
            reason: input.reason,
          }
        : {
            procedure: dossierProcedure,
            channel: input.channel,
            applicantId: input.applicantUserId,
            checklist: input.checklist ?? [],
          };
  const id = randomUUID();
  const roles = await rolesOnDossier(tx, actor, {
    agencyId: procedure.agencyId,
    receivingUnitId: input.receivingUnitId,
    currentUnitId: null,
    applicantUserId: input.applicantUserId,
  });
  const calendar = await loadCalendar(tx, procedure.agencyId);
  const decision = decide(
    null,
    { action, actor: { id: actor.userId ?? 'system', roles }, input: commandInput },
    { now, calendar: calendar.config, supplementLimitWorkingDays: calendar.supplementLimitDays },
  );
  if (!decision.ok) throw refusalProblem(decision);
  const next = decision.next;
  // A dossier gets its code when it is received or submitted online; a refusal at the counter has none.
  const code =
    next.state === 'refused'
      ? null
      : formatDossierCode(
          receiving.code,
          now,
          await nextSequenceNumber(tx, receiving.code, vietnamDateOf(now)),
        );
  const currentUnitId = await holderUnit(tx, next, procedure.agencyId, input.receivingUnitId);
  await insertDossier(
    tx,
    {
      id,
      agencyId: procedure.agencyId,
      code,
      procedureId: procedure.id,
      procedureVersionId: procedure.versionId,
      fieldCode: procedure.fieldCode,
      channel: input.channel,
      receivingUnitId: input.receivingUnitId,
      applicant: input.applicant,
      searchText: foldVietnamese(`${code ?? ''} ${input.applicant.name} ${procedure.content.name}`),
    },
    {
      state: next.state,
      nationalStatus: nationalStatusOf(next.state).code,
      snapshot: next,
      currentUnitId,
      assigneeId: next.step?.assigneeId ?? null,
      now,
    },
  );
  await recordConsequences(tx, {
    dossier: {
      id,
      agencyId: procedure.agencyId,
      fieldCode: procedure.fieldCode,
      channel: input.channel,
      receivingUnitId: input.receivingUnitId,
    },
    before: null,
    after: next,
    event: decision.event,
    actor,
    from: { unitId: input.receivingUnitId, userId: actor.userId },
    to: { unitId: currentUnitId, userId: next.step?.assigneeId ?? null },
    now,
  });
  return id;
}

export interface ActionRequest {
  dossierId: string;
  action: DossierAction;
  expectedVersion: number;
  input: unknown;
}

/**
 * Performs one action on a dossier in one transaction. The row is locked and its version compared
 * with the one the client saw: of two officers acting at once, exactly one wins and the other gets
 * a 409 telling them to reload. The rules (core's `decide`) say whether the action is allowed.
 */
export async function performAction(
  ctx: AppContext,
  tx: Queryable,
  request: ActionRequest,
  actor: Actor,
): Promise<void> {
  const dossier = await loadDossier(tx, request.dossierId, true);
  if (!dossier) throw new Problem(404, 'dossier_not_found');
  if (dossier.version !== request.expectedVersion) {
    throw new Problem(409, 'dossier_changed', { version: dossier.version });
  }
  const roles = await rolesOnDossier(tx, actor, {
    ...dossier,
    applicantUserId: dossier.snapshot.applicantId,
  });
  if (roles.length === 0) throw new Problem(404, 'dossier_not_found');
  const now = ctx.now();
  const calendar = await loadCalendar(tx, dossier.agencyId);
  const decision = decide(
    dossier.snapshot,
    { action: request.action, actor: { id: actor.userId ?? 'system', roles }, input: request.input },
    { now, calendar: calendar.config, supplementLimitWorkingDays: calendar.supplementLimitDays },
  );
  if (!decision.ok) throw refusalProblem(decision);
  const next = decision.next;
  const currentUnitId =
    next.endedAt && next.state !== 'result_ready'
      ? dossier.currentUnitId
      : await holderUnit(tx, next, dossier.agencyId, dossier.receivingUnitId);
  const assigneeId = next.step?.assigneeId ?? null;
  const written = await updateDossier(tx, dossier.id, dossier.version, {
    state: next.state,
    nationalStatus: nationalStatusOf(next.state).code,
    snapshot: next,
    currentUnitId,
    assigneeId,
    now,
  });
  if (!written) throw new Problem(409, 'dossier_changed', { version: dossier.version + 1 });
  // An online submission accepted now takes its place in the day's sequence if it had no code.
  if (!dossier.code && next.receivedAt && next.state !== 'refused') {
    const [unit] = await tx.query<{ code: string }>('SELECT code FROM org_unit WHERE id = $1', [
      dossier.receivingUnitId,
    ]);
    await setCode(
      tx,
      dossier.id,
      formatDossierCode(unit!.code, now, await nextSequenceNumber(tx, unit!.code, vietnamDateOf(now))),
    );
  }
  await recordConsequences(tx, {
    dossier,
    before: dossier.snapshot,
    after: next,
    event: decision.event,
    actor,
    from: { unitId: dossier.currentUnitId, userId: dossier.assigneeId ?? actor.userId },
    to: { unitId: currentUnitId, userId: assigneeId },
    now,
  });
}

interface Consequences {
  dossier: Pick<DossierRecord, 'id' | 'agencyId' | 'fieldCode' | 'channel' | 'receivingUnitId'>;
  before: DossierSnapshot | null;
  after: DossierSnapshot;
  event: DossierEvent;
  actor: Actor;
  from: { unitId: string | null; userId: string | null };
  to: { unitId: string | null; userId: string | null };
  now: Date;
}

/** What every accepted action writes besides the dossier: history, control sheet, counters, notifications. */
async function recordConsequences(tx: Queryable, c: Consequences): Promise<void> {
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

  const finished = c.event.payload.finishedStep as
    | { name?: string; dueAt?: string; timeliness?: string }
    | undefined;
  const started = c.event.payload.startedStep as { name?: string; dueAt?: string } | undefined;
  const holderChanged = c.from.unitId !== c.to.unitId || c.from.userId !== c.to.userId;
  if (finished || started || holderChanged || c.before === null) {
    const [seq] = await tx.query<{ n: number }>(
      'SELECT COALESCE(max(seq), 0)::int + 1 AS n FROM dossier_handover WHERE dossier_id = $1',
      [c.dossier.id],
    );
    await tx.query(
      `INSERT INTO dossier_handover (id, agency_id, dossier_id, seq, at, from_unit_id, from_user_id, to_unit_id, to_user_id,
                                     step_name, step_due_at, result, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        randomUUID(),
        c.dossier.agencyId,
        c.dossier.id,
        seq!.n,
        c.now,
        c.from.unitId,
        c.from.userId,
        c.to.unitId,
        c.to.userId,
        finished?.name ?? started?.name ?? null,
        finished?.dueAt ?? null,
        finished?.timeliness ?? null,
        c.event.action,
      ],
    );
  }

  const day = vietnamDateOf(c.now);
  const count = (metric: string) =>
    tx.query(
      `INSERT INTO dossier_counter (agency_id, unit_id, field_code, channel, day, metric, n) VALUES ($1, $1, $2, $3, $4, $5, 1)
       ON CONFLICT (agency_id, unit_id, field_code, channel, day, metric) DO UPDATE SET n = dossier_counter.n + 1`,
      [c.dossier.agencyId, c.dossier.fieldCode, c.dossier.channel, day, metric],
    );
  if (!c.before?.receivedAt && c.after.receivedAt) await count('received');
  if (c.before === null && c.after.state === 'submitted') await count('submitted');
  if (!c.before?.endedAt && c.after.endedAt) {
    const kind = c.after.endKind;
    if (kind === 'processed')
      await count(`resolved_${classify(c.after, new Date(c.after.endedAt)) ?? 'on_time'}`);
    else await count(`ended_${kind ?? 'other'}`);
  }
  if (c.before && !c.before.returnedAt && c.after.returnedAt) await count('returned');

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
  if (
    c.after.applicantId &&
    ['request_supplement', 'approve', 'refuse', 'stop', 'extend'].includes(c.event.action)
  ) {
    await notify(`dossier.applicant.${c.event.action}`, c.after.applicantId);
  }
}
