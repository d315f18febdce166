import { randomUUID } from 'node:crypto';
import {
  type ActorRole,
  type CalendarConfig,
  type CountingPolicy,
  counterDeltas,
  type DossierAccess,
  type DossierAction,
  type DossierEvent,
  type DossierSnapshot,
  decide,
  dossierAccess,
  dossierProcedureOf,
  foldVietnamese,
  formatDossierCode,
  nationalStatusOf,
  type ProcedureContent,
  type Refusal,
  type RoleGrantRef,
  receivingRefusal,
  vietnamDateOf,
} from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { enqueue } from '../jobs/outbox.ts';
import { ancestorIds } from '../org/tree.ts';
import { getUnit } from '../org/units.ts';
import type { Applicant } from './applicant.ts';
import { appendEvent } from './audit-chain.ts';
import { nextSequenceNumber } from './sequence.ts';
import {
  type DossierRecord,
  insertDossier,
  loadDossier,
  onlineReceivingUnit,
  setCode,
  updateDossier,
} from './store.ts';

/** Who is acting: a staff member or applicant, or the system (deadline jobs). */
export interface Actor {
  userId: string | null;
  name: string;
  /** Every role grant of the user, with the unit it is held on. */
  grants: readonly { role: ActorRole; unitId: string }[];
}

export const SYSTEM: Actor = { userId: null, name: 'Hệ thống', grants: [] };

/** The units a dossier concerns: its agency, receiving unit and current unit, each with the units above. */
async function unitsConcerned(
  db: Queryable,
  dossier: { agencyId: string; receivingUnitId: string; currentUnitId: string | null },
): Promise<Set<string>> {
  const units = new Set<string>();
  for (const unit of [dossier.agencyId, dossier.receivingUnitId, dossier.currentUnitId]) {
    if (unit) for (const id of await ancestorIds(db, unit)) units.add(id);
  }
  return units;
}

/** What the actor may do with this dossier: see it, as staff or its applicant, and in which roles act. */
export async function accessToDossier(
  db: Queryable,
  actor: Actor,
  dossier: {
    agencyId: string;
    receivingUnitId: string;
    currentUnitId: string | null;
    applicantUserId: string | null;
  },
): Promise<DossierAccess> {
  if (actor.userId === null)
    return dossierAccess({ id: null, grants: [] }, { unitsConcerned: new Set(), applicantUserId: null });
  return dossierAccess(
    { id: actor.userId, grants: actor.grants.filter((g): g is RoleGrantRef => g.role !== 'system') },
    { unitsConcerned: await unitsConcerned(db, dossier), applicantUserId: dossier.applicantUserId },
  );
}

/** The roles in which an actor may act on this dossier (none: it is not theirs to act on). */
export async function rolesOnDossier(
  db: Queryable,
  actor: Actor,
  dossier: Parameters<typeof accessToDossier>[2],
): Promise<ActorRole[]> {
  return (await accessToDossier(db, actor, dossier)).roles;
}

/**
 * Where a new dossier is received. At the counter or by post: the unit the officer names (by
 * default their first counter), which must run a one-stop desk, be open, and be one where they hold
 * the counter officer role. Online: always the agency's designated online receiving unit.
 */
export async function receivingUnitFor(
  db: Queryable,
  request: { channel: 'counter' | 'post' | 'online'; receivingUnitId?: string | undefined; agencyId: string },
  actor: Actor,
  now: Date,
): Promise<string> {
  const today = vietnamDateOf(now);
  if (request.channel === 'online') {
    if (!actor.grants.some((g) => g.role === 'citizen')) throw new Problem(403, 'forbidden');
    const designated = await onlineReceivingUnit(db, request.agencyId);
    if (request.receivingUnitId && request.receivingUnitId !== designated.id)
      throw new Problem(422, 'online_receiving_unit_only');
    const refusal = receivingRefusal(designated, today);
    if (refusal) throw new Problem(422, refusal);
    return designated.id;
  }
  const counters = actor.grants.filter((g) => g.role === 'counter_officer').map((g) => g.unitId);
  if (counters.length === 0) throw new Problem(403, 'forbidden');
  const unitId = request.receivingUnitId ?? counters[0]!;
  const unit = await getUnit(db, unitId);
  if (!unit) throw new Problem(422, 'unit_not_found');
  const refusal = receivingRefusal(unit, today);
  if (refusal) throw new Problem(422, refusal);
  const above = await ancestorIds(db, unitId);
  if (!counters.some((c) => above.includes(c))) throw new Problem(403, 'receiving_unit_not_yours');
  return unitId;
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
  // An online submission waits at the counter that must accept it.
  if (!step && snapshot.state === 'submitted') return receivingUnitId;
  return agencyId;
}

export interface CreateDossierInput {
  procedureId: string;
  channel: 'counter' | 'post' | 'online';
  /** The unit receiving a counter or postal dossier (default: the officer's first counter); see receivingUnitFor. */
  receivingUnitId?: string | undefined;
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
  const now = ctx.now();
  const receivingUnitId = await receivingUnitFor(
    tx,
    { channel: input.channel, receivingUnitId: input.receivingUnitId, agencyId: procedure.agencyId },
    actor,
    now,
  );
  const [receiving] = await tx.query<{ code: string }>('SELECT code FROM org_unit WHERE id = $1', [
    receivingUnitId,
  ]);
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
    receivingUnitId: receivingUnitId,
    currentUnitId: null,
    applicantUserId: input.applicantUserId,
  });
  const calendar = await loadCalendar(tx, procedure.agencyId);
  const decision = decide(
    null,
    { action, actor: { id: actor.userId ?? 'system', roles }, input: commandInput },
    {
      now,
      calendar: calendar.config,
      supplementLimitWorkingDays: calendar.supplementLimitDays,
      policy: calendar.policy,
    },
  );
  if (!decision.ok) throw refusalProblem(decision);
  const next = decision.next;
  // A dossier gets its code when it is received or submitted online; a refusal at the counter has none.
  const code =
    next.state === 'refused'
      ? null
      : formatDossierCode(
          receiving!.code,
          now,
          await nextSequenceNumber(tx, receiving!.code, vietnamDateOf(now)),
        );
  const currentUnitId = await holderUnit(tx, next, procedure.agencyId, receivingUnitId);
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
      receivingUnitId: receivingUnitId,
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
      receivingUnitId: receivingUnitId,
    },
    before: null,
    after: next,
    event: decision.event,
    actor,
    from: { unitId: receivingUnitId, userId: actor.userId },
    to: { unitId: currentUnitId, userId: next.step?.assigneeId ?? null },
    now,
    calendar: calendar.config,
    policy: calendar.policy,
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
  const access = await accessToDossier(tx, actor, {
    ...dossier,
    applicantUserId: dossier.snapshot.applicantId,
  });
  if (!access.read) throw new Problem(404, 'dossier_not_found');
  // A reader the agency granted access (an inspector) sees the dossier and changes nothing.
  if (access.roles.length === 0) throw new Problem(403, 'forbidden');
  const roles = access.roles;
  const now = ctx.now();
  const calendar = await loadCalendar(tx, dossier.agencyId);
  const decision = decide(
    dossier.snapshot,
    { action: request.action, actor: { id: actor.userId ?? 'system', roles }, input: request.input },
    {
      now,
      calendar: calendar.config,
      supplementLimitWorkingDays: calendar.supplementLimitDays,
      policy: calendar.policy,
    },
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
    calendar: calendar.config,
    policy: calendar.policy,
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
  /** The agency's calendar and reading of Decision 766, for the statistics counters. */
  calendar: CalendarConfig;
  policy: CountingPolicy;
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

  // Statistics (Biểu số 06): core says which counters move and on which days.
  const bump = (day: string, metric: string, delta: number) =>
    tx.query(
      `INSERT INTO dossier_counter (agency_id, unit_id, field_code, channel, day, metric, n) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (agency_id, unit_id, field_code, channel, day, metric) DO UPDATE SET n = dossier_counter.n + EXCLUDED.n`,
      [
        c.dossier.agencyId,
        c.dossier.receivingUnitId,
        c.dossier.fieldCode,
        c.dossier.channel,
        day,
        metric,
        delta,
      ],
    );
  const [held] = await tx.query<{ open_day: string | null; overdue_day: string | null }>(
    'SELECT open_day::text, overdue_day::text FROM dossier_counted WHERE dossier_id = $1',
    [c.dossier.id],
  );
  // A dossier older than the state counters holds nothing yet: it enters them from this action.
  const counted = counterDeltas(
    c.before,
    c.after,
    c.now,
    c.calendar,
    c.policy,
    held
      ? { open: held.open_day, overdue: held.overdue_day }
      : c.before
        ? { open: null, overdue: null }
        : undefined,
  );
  for (const d of counted.deltas) await bump(d.day, d.metric, d.delta);
  await tx.query(
    `INSERT INTO dossier_counted (dossier_id, agency_id, open_day, overdue_day) VALUES ($1, $2, $3, $4)
     ON CONFLICT (dossier_id) DO UPDATE SET open_day = EXCLUDED.open_day, overdue_day = EXCLUDED.overdue_day`,
    [c.dossier.id, c.dossier.agencyId, counted.holds.open, counted.holds.overdue],
  );
  const today = vietnamDateOf(c.now);
  if (c.before === null && c.after.state === 'submitted') await bump(today, 'submitted', 1);
  if (c.before && !c.before.returnedAt && c.after.returnedAt) await bump(today, 'returned', 1);

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
