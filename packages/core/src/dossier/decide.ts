import type { z } from 'zod';
import { localiseIssues } from '../i18n/validation.ts';
import { isDossierAction } from './actions.ts';
import type { Decision, DecisionContext, DossierCommand, RuleContext } from './command.ts';
import { EFFECTS, type EffectContext } from './effects.ts';
import { actionEvent } from './events.ts';
import { GUARDS } from './guards.ts';
import { refusals } from './refusals.ts';
import { type DossierSnapshot, ms, openPause, type PauseKind } from './snapshot.ts';
import type { DossierState } from './states.ts';
import { type FromState, ROUTES, TRANSITIONS, type Transition } from './transitions.ts';

/**
 * The one decision function of the lifecycle: given a dossier (null before it exists), a command and
 * the context, either the next snapshot and the event to record, or a refusal that says why. Pure:
 * the caller's snapshot is never changed, and the same arguments give the same answer.
 */
export function decide(
  dossier: DossierSnapshot | null,
  command: DossierCommand,
  ctx: DecisionContext,
): Decision {
  checkContext(ctx);
  const { action, actor } = command;
  if (!isDossierAction(action)) return refusals.unknownAction(String(action));
  const rows = TRANSITIONS.filter((t) => t.action === action);
  if (rows.length === 0) return refusals.notInProcess(action);
  const state: FromState = dossier?.state ?? 'none';
  const inState = rows.filter((t) => t.from.includes(state));
  if (inState.length === 0) {
    if (!dossier) return refusals.dossierRequired(action);
    const allowed = [...new Set(rows.flatMap((t) => t.from))].filter((s): s is DossierState => s !== 'none');
    return refusals.notAllowedInState(action, dossier.state, allowed);
  }
  const row = pickRow(inState, dossier);
  const actingAs = actor.roles.filter((r) => row.roles.includes(r));
  if (actingAs.length === 0) return refusals.roleNotAllowed(action, row.roles);
  if (dossier && ctx.now.getTime() < ms(dossier.updatedAt)) {
    return refusals.clockBeforeLastChange(ctx.now, dossier.updatedAt);
  }

  const parsed = row.input.safeParse(command.input ?? {});
  if (!parsed.success) return refusals.invalidInput(issuesOf(parsed.error));

  const rule: RuleContext = {
    action,
    actor,
    actingAs,
    input: parsed.data,
    now: ctx.now,
    calendar: ctx.calendar,
    supplementLimitWorkingDays: ctx.supplementLimitWorkingDays,
    policy: ctx.policy,
    applicantIdHmac: ctx.applicantIdHmac,
  };
  for (const name of row.guards) {
    const refused = GUARDS[name](dossier, rule);
    if (refused) return refused;
  }

  const next = dossier ? clone(dossier) : blank(ctx.now);
  const toState = targetOf(row, dossier);
  const effect: EffectContext = { ...rule, before: dossier, payload: { ...jsonCopy(parsed.data as object) } };
  for (const name of row.effects) EFFECTS[name](next, effect);
  next.state = toState;
  next.updatedAt = ctx.now.toISOString();

  const event = actionEvent(
    action,
    { fromState: dossier?.state ?? null, toState, at: next.updatedAt, actorId: actor.id },
    effect.payload,
  );
  return { ok: true, next, event };
}

function checkContext(ctx: DecisionContext): void {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime()))
    throw new RangeError('ctx.now: invalid Date');
  const n = ctx.supplementLimitWorkingDays;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`ctx.supplementLimitWorkingDays must be a whole number ≥ 1, not ${n}`);
  }
}

/** Among the rows for the state, the first whose route condition holds. */
export function pickRow(rows: readonly Transition[], dossier: DossierSnapshot | null): Transition {
  const row = rows.find((t) => !t.when || (dossier !== null && ROUTES[t.when](dossier)));
  // The route conditions of one action and state are complementary, so one always holds.
  if (!row) throw new Error(`no transition row applies to ${rows[0]?.action} in ${dossier?.state}`);
  return row;
}

const WAIT_OF_STATE: Partial<Record<DossierState, PauseKind>> = {
  awaiting_supplement: 'supplement',
  awaiting_payment: 'payment',
  awaiting_inter_agency: 'inter_agency',
};

function targetOf(row: Transition, dossier: DossierSnapshot | null): DossierState {
  if (row.to !== 'unchanged' && row.to !== 'previous') return row.to;
  if (!dossier) throw new Error(`${row.action}: '${row.to}' needs an existing dossier`);
  if (row.to === 'unchanged') return dossier.state;
  if (dossier.state === 'withdrawal_requested' && dossier.withdrawal) return dossier.withdrawal.resumeState;
  const kind = WAIT_OF_STATE[dossier.state];
  return (kind && openPause(dossier, kind)?.resumeState) || 'in_progress';
}

function issuesOf(error: z.ZodError): { path: string; message: { vi: string; en: string } }[] {
  const vi = localiseIssues(error.issues, 'vi');
  const en = localiseIssues(error.issues, 'en');
  return vi.map((v, i) => ({ path: v.path, message: { vi: v.message, en: en[i]?.message ?? v.message } }));
}

/** A snapshot is JSON by design, so a JSON round trip is a faithful deep copy. */
function clone(d: DossierSnapshot): DossierSnapshot {
  return jsonCopy(d);
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The starting point of a dossier being created; the creating row's effects fill it in. */
function blank(now: Date): DossierSnapshot {
  return {
    state: 'submitted',
    channel: 'counter',
    applicantId: null,
    procedure: {
      code: '',
      processingTime: { value: 0, unit: 'working_days' },
      steps: [],
      requiredDocuments: [],
    },
    submittedAt: null,
    acceptanceDueAt: null,
    receivedAt: null,
    countingStartAt: null,
    dueAt: null,
    originalDueAt: null,
    dueHistory: [],
    step: null,
    pauses: [],
    supplementRequests: 0,
    extension: null,
    withdrawal: null,
    endedAt: null,
    endKind: null,
    stopReason: null,
    outcome: null,
    returnedAt: null,
    returnChannel: null,
    updatedAt: now.toISOString(),
  };
}
