import {
  type ActorRole,
  citizenDossierAccess,
  type DossierAccess,
  type DossierAction,
  type DossierSnapshot,
  decide,
  dossierAccess,
  dossierInputs,
  dossierProcedureOf,
  foldVietnamese,
  formatDossierCode,
  holderUnitOf,
  keepsHolder,
  nationalStatusOf,
  needsDossierCode,
  type Refusal,
  type RoleGrantRef,
  receivingRefusal,
  stepUnitCodeOf,
  vietnamDateOf,
} from '@motcua/core';
import { type AgencyCalendar, loadCalendar } from '../calendar/store.ts';
import { applicantIdHmacFor } from '../citizen-dossiers/identity-match.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { timeOrderedId } from '../db/time-ordered-id.ts';
import { Problem } from '../http/problem.ts';
import { ancestorChains, ancestorIds } from '../org/tree.ts';
import { getUnit } from '../org/units.ts';
import { issueSignedResult } from '../signing/issue.ts';
import type { Applicant } from './applicant.ts';
import { recordConsequences } from './consequences.ts';
import { procedureInForce, unitCode, unitIdByCode } from './read-store.ts';
import { nextSequenceNumber } from './sequence.ts';
import {
  type DossierRecord,
  insertDossier,
  loadDossier,
  onlineReceivingUnit,
  setCode,
  updateDossier,
} from './store.ts';

/** Who is acting: a staff member or applicant, a citizen signed in to the portal, or the system (deadline jobs). */
export interface Actor {
  userId: string | null;
  /** A citizen of the portal (citizen_account): acts only as the applicant of their own dossiers. */
  citizenId?: string | undefined;
  /** The keyed HMAC of the citizen's verified identity number (computed by the server, never the number). */
  citizenIdHmac?: string | null | undefined;
  name: string;
  /** Every role grant of the user, with the unit it is held on. */
  grants: readonly { role: ActorRole; unitId: string }[];
  /**
   * The history import (chuyển đổi dữ liệu): replays the agency's previous system's events in these
   * capacities, on any dossier of the import, without an account; those past events notify no one.
   */
  replay?: { roles: readonly ActorRole[] };
}

export const SYSTEM: Actor = { userId: null, name: 'Hệ thống', grants: [] };

/** The units whose dossiers concern an actor's grants, for `dossierAccess`. */
interface UnitsOfDossier {
  agencyId: string;
  receivingUnitId: string;
  currentUnitId: string | null;
  applicantUserId: string | null;
  /** The portal account acting as the applicant (dossier.applicant_citizen_id). */
  applicantCitizenId: string | null;
  /** The applicant identity number's keyed HMAC (dossier.applicant_id_hmac), matched against a citizen's. */
  applicantIdHmac?: string | null;
}

/**
 * The actor's access to a dossier from the chains of units above its agency, receiving unit and
 * current unit (`chains`, one query for all three; a later call reuses the chains it has).
 */
async function accessWith(
  db: Queryable,
  actor: Actor,
  dossier: UnitsOfDossier,
  chains: Map<string, string[]>,
): Promise<DossierAccess> {
  if (actor.replay) return { roles: [...actor.replay.roles], read: true, staff: true };
  if (actor.citizenId)
    return citizenDossierAccess({ id: actor.citizenId, idHmac: actor.citizenIdHmac }, dossier);
  if (actor.userId === null)
    return dossierAccess({ id: null, grants: [] }, { unitsConcerned: new Set(), applicantUserId: null });
  const units = [dossier.agencyId, dossier.receivingUnitId, dossier.currentUnitId].filter(
    (u): u is string => u !== null,
  );
  const missing = units.filter((u) => !chains.has(u));
  for (const [unit, chain] of await ancestorChains(db, missing)) chains.set(unit, chain);
  return dossierAccess(
    { id: actor.userId, grants: actor.grants.filter((g): g is RoleGrantRef => g.role !== 'system') },
    {
      unitsConcerned: new Set(units.flatMap((u) => chains.get(u) ?? [])),
      applicantUserId: dossier.applicantUserId,
    },
  );
}

/** What the actor may do with this dossier: see it, as staff or its applicant, and in which roles act. */
export function accessToDossier(
  db: Queryable,
  actor: Actor,
  dossier: UnitsOfDossier,
): Promise<DossierAccess> {
  return accessWith(db, actor, dossier, new Map());
}

/** The roles in which an actor may act on this dossier (none: it is not theirs to act on). */
export async function rolesOnDossier(
  db: Queryable,
  actor: Actor,
  dossier: UnitsOfDossier,
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
    if (!actor.citizenId && !actor.grants.some((g) => g.role === 'citizen'))
      throw new Problem(403, 'forbidden');
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

/**
 * Refusals become answers: a wrong state or a used-up right is a conflict, bad input is 422, and 403
 * for who may act (a role, the applicant, the step's holder) or a move the process does not have.
 */
export function refusalProblem(refusal: Refusal): Problem {
  const status =
    refusal.code === 'invalid_input' || refusal.code === 'checklist_incomplete'
      ? 422
      : refusal.code === 'role_not_allowed' ||
          refusal.code === 'not_applicant' ||
          refusal.code === 'not_assignee' ||
          refusal.code === 'step_role_mismatch' ||
          refusal.code === 'not_in_process'
        ? 403
        : 409;
  const errors = refusal.issues?.map((i) => ({ path: i.path, message: i.message }));
  return new Problem(status, 'dossier_action_refused', { reason: refusal.message }, errors, undefined, {
    rule: refusal.code,
  });
}

export async function procedureForDossier(db: Queryable, procedureId: string) {
  const procedure = await procedureInForce(db, procedureId);
  if (!procedure) throw new Problem(422, 'procedure_not_in_force');
  return procedure;
}

/** The unit that holds the dossier at its current step (core's holderUnitOf), its step's unit looked up. */
async function holderUnit(
  db: Queryable,
  snapshot: DossierSnapshot,
  agencyId: string,
  receivingUnitId: string,
) {
  const code = stepUnitCodeOf(snapshot);
  const stepUnitId = code ? await unitIdByCode(db, code) : null;
  return holderUnitOf(snapshot, { agencyId, receivingUnitId, stepUnitId });
}

/**
 * What a command wrote: the dossier row as stored, the actor's access to it afterwards and the
 * agency's calendar, from which the answer is built without reading the dossier again.
 */
export interface CommandOutcome {
  record: DossierRecord;
  access: DossierAccess;
  calendar: AgencyCalendar;
}

/** A command ready to be decided: the dossier before it (null: it creates one) and what is known of it. */
interface Command {
  before: DossierRecord | null;
  /** Creation only: the row's identity. */
  identity?: Omit<
    DossierRecord,
    | 'state'
    | 'snapshot'
    | 'version'
    | 'risk'
    | 'createdAt'
    | 'currentUnitId'
    | 'assigneeId'
    | 'code'
    | 'applicantCitizenId'
  > & { procedureName: string };
  units: UnitsOfDossier;
  access: DossierAccess;
  chains: Map<string, string[]>;
  calendar: AgencyCalendar;
  action: DossierAction;
  input: unknown;
  actor: Actor;
  now: Date;
}

/** The actor's id as the rules see it (an applicant's actions are checked against it). */
const actorIdOf = (actor: Actor): string => actor.userId ?? actor.citizenId ?? 'system';

/**
 * The one command path of creation and actions: decide, write the row, give it its code when it is
 * received, record the consequences, and tell what was written.
 */
async function commit(tx: Queryable, c: Command): Promise<CommandOutcome> {
  const decision = decide(
    c.before?.snapshot ?? null,
    {
      action: c.action,
      actor: { id: actorIdOf(c.actor), roles: c.access.roles, idHmac: c.actor.citizenIdHmac },
      input: c.input,
    },
    {
      now: c.now,
      applicantIdHmac: c.before?.applicantIdHmac ?? null,
      calendar: c.calendar.config,
      supplementLimitWorkingDays: c.calendar.supplementLimitDays,
      policy: c.calendar.policy,
    },
  );
  if (!decision.ok) throw refusalProblem(decision);
  const next = decision.next;
  const { agencyId, receivingUnitId } = c.units;
  const before = c.before;
  const currentUnitId = keepsHolder(before?.snapshot ?? null, next)
    ? before!.currentUnitId
    : await holderUnit(tx, next, agencyId, receivingUnitId);
  const assigneeId = next.step?.assigneeId ?? null;
  const code = needsDossierCode(before, next)
    ? await newCode(tx, receivingUnitId, c.now)
    : (before?.code ?? null);
  const write = {
    state: next.state,
    nationalStatus: nationalStatusOf(next.state).code,
    snapshot: next,
    currentUnitId,
    assigneeId,
    now: c.now,
    calendar: c.calendar,
  };
  let record: DossierRecord;
  if (before) {
    const written = await updateDossier(tx, before.id, before.version, write, before.agencyId);
    if (!written) throw new Problem(409, 'dossier_changed', { version: before.version + 1 });
    // An online submission accepted now takes its place in the day's sequence.
    if (code !== before.code && code) await setCode(tx, before.id, code, before.agencyId);
    record = { ...written, code };
  } else {
    const id = c.identity!;
    record = await insertDossier(
      tx,
      {
        id: id.id,
        agencyId: id.agencyId,
        code,
        procedureId: id.procedureId,
        procedureVersionId: id.procedureVersionId,
        fieldCode: id.fieldCode,
        channel: id.channel,
        receivingUnitId: id.receivingUnitId,
        applicant: id.applicant,
        applicantCitizenId: c.units.applicantCitizenId,
        applicantIdHmac: id.applicantIdHmac,
        searchText: foldVietnamese(`${code ?? ''} ${id.applicant.name} ${id.procedureName}`),
      },
      write,
    );
  }
  await recordConsequences(tx, {
    dossier: record,
    before: before?.snapshot ?? null,
    after: next,
    event: decision.event,
    actor: c.actor,
    from: before
      ? { unitId: before.currentUnitId, userId: before.assigneeId ?? c.actor.userId }
      : { unitId: receivingUnitId, userId: c.actor.userId },
    to: { unitId: currentUnitId, userId: assigneeId },
    now: c.now,
    calendar: c.calendar.config,
    policy: c.calendar.policy,
  });
  // The roles are those computed for the command, unless the dossier moved to another unit.
  const access =
    currentUnitId === c.units.currentUnitId
      ? c.access
      : await accessWith(tx, c.actor, { ...c.units, currentUnitId }, c.chains);
  return { record, access, calendar: c.calendar };
}

async function newCode(tx: Queryable, receivingUnitId: string, now: Date): Promise<string> {
  const code = (await unitCode(tx, receivingUnitId))!;
  return formatDossierCode(code, now, await nextSequenceNumber(tx, code, vietnamDateOf(now)));
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
): Promise<CommandOutcome> {
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
  const units = {
    agencyId: procedure.agencyId,
    receivingUnitId,
    currentUnitId: null,
    applicantUserId: input.applicantUserId,
    // A citizen submitting online becomes the dossier's applicant account.
    applicantCitizenId: input.channel === 'online' ? (actor.citizenId ?? null) : null,
  };
  const chains = new Map<string, string[]>();
  return commit(tx, {
    before: null,
    identity: {
      id: timeOrderedId(),
      agencyId: procedure.agencyId,
      procedureId: procedure.id,
      procedureVersionId: procedure.versionId,
      fieldCode: procedure.fieldCode,
      channel: input.channel,
      receivingUnitId,
      applicant: input.applicant,
      procedureName: procedure.content.name,
      // The applicant's identity number as a keyed HMAC, in the same INSERT: how "my dossiers" finds counter dossiers.
      applicantIdHmac: await applicantIdHmacFor(ctx, input.applicant),
    },
    units,
    access: await accessWith(tx, actor, units, chains),
    chains,
    calendar: await loadCalendar(tx, procedure.agencyId),
    action,
    input: commandInput,
    actor,
    now,
  });
}

export interface ActionRequest {
  dossierId: string;
  action: DossierAction;
  expectedVersion: number;
  input: unknown;
}

/**
 * Performs one action on a dossier in one transaction. The row is read once, locked, and its
 * version compared with the one the client saw: of two officers acting at once, exactly one wins
 * and the other gets a 409 telling them to reload. The actor's roles on it are computed once; the
 * rules (core's `decide`) say whether the action is allowed. Someone who may not see the dossier
 * is told it does not exist.
 */
export async function performAction(
  ctx: AppContext,
  tx: Queryable,
  request: ActionRequest,
  actor: Actor,
): Promise<CommandOutcome> {
  const dossier = await loadDossier(tx, request.dossierId, true);
  if (!dossier) throw new Problem(404, 'dossier_not_found');
  const units = { ...dossier, applicantUserId: dossier.snapshot.applicantId };
  const chains = new Map<string, string[]>();
  const access = await accessWith(tx, actor, units, chains);
  if (!access.read) throw new Problem(404, 'dossier_not_found');
  if (dossier.version !== request.expectedVersion) {
    throw new Problem(409, 'dossier_changed', { version: dossier.version });
  }
  // A reader the agency granted access (an inspector) sees the dossier and changes nothing.
  if (access.roles.length === 0) throw new Problem(403, 'forbidden');
  return commit(tx, {
    before: dossier,
    units,
    access,
    chains,
    calendar: await loadCalendar(tx, dossier.agencyId),
    action: request.action,
    input: request.input,
    actor,
    now: ctx.now(),
  });
}

/**
 * An action a staff member takes on a dossier (the API's use case): `performAction`, then the hooks
 * of live work in the same transaction. The leader's approval issues the result signed with the
 * agency's certificate (server/src/signing); when signing fails, its Problem 503
 * `result_signing_failed` rolls the approval back. Replays (the history import, the demo seed) and
 * the system's own actions call `performAction` and sign nothing.
 */
export async function actOnDossier(
  ctx: AppContext,
  tx: Queryable,
  request: ActionRequest,
  actor: Actor,
): Promise<CommandOutcome> {
  const outcome = await performAction(ctx, tx, request, actor);
  if (request.action === 'approve')
    await issueSignedResult(ctx, tx, outcome.record, actor, dossierInputs.approveInput.parse(request.input));
  return outcome;
}
