import type { z } from 'zod';
import type { ActorRole, DossierAction } from './actions.ts';
import { workStepCount } from './deadlines.ts';
import type { EffectName } from './effects.ts';
import type { GuardName } from './guards.ts';
import {
  approveInput,
  assignInput,
  confirmPaymentInput,
  extendInput,
  noteInput,
  reasonInput,
  receiveNewInput,
  receiveSubmittedInput,
  receiveSupplementInput,
  refuseNewInput,
  refuseSubmittedInput,
  requestPaymentInput,
  requestSupplementInput,
  returnResultInput,
  sendInterAgencyInput,
  stopInput,
  submitOnlineInput,
} from './inputs.ts';
import type { DossierSnapshot } from './snapshot.ts';
import type { DossierState } from './states.ts';

/**
 * The dossier lifecycle as one table, DOMAIN.md §3. A command is matched to the first row with its
 * action whose `from` holds the dossier's state (and whose `when`, if any, holds); the actor needs
 * one of the row's roles; then the input schema, the guards, and the effects, in that order.
 */

/** 'none': there is no dossier yet; the row creates one. */
export type FromState = DossierState | 'none';

/** 'unchanged' keeps the state; 'previous' returns to the state the dossier was in before the wait. */
export type Target = DossierState | 'unchanged' | 'previous';

export const ROUTES = {
  /** A work step comes after the current one. */
  has_next_work_step: (d: DossierSnapshot) => (d.step?.index ?? -1) + 1 < workStepCount(d.procedure.steps),
  /** The current step is the last before approval (or the procedure has none). */
  last_work_step: (d: DossierSnapshot) => (d.step?.index ?? -1) + 1 >= workStepCount(d.procedure.steps),
} satisfies Record<string, (d: DossierSnapshot) => boolean>;

export type RouteName = keyof typeof ROUTES;

export interface Transition {
  action: DossierAction;
  from: readonly FromState[];
  when?: RouteName;
  roles: readonly ActorRole[];
  to: Target;
  input: z.ZodType;
  guards: readonly GuardName[];
  effects: readonly EffectName[];
}

/** Everything between receipt and the result; a dossier may be stopped from any of these. */
const BEFORE_RESULT: readonly DossierState[] = [
  'received',
  'in_progress',
  'awaiting_inter_agency',
  'awaiting_approval',
  'awaiting_supplement',
  'awaiting_payment',
];

/** The states where the clock runs and the appointment can still be moved by an apology. */
const CLOCK_RUNNING: readonly DossierState[] = [
  'received',
  'in_progress',
  'awaiting_inter_agency',
  'awaiting_approval',
  'awaiting_payment',
];

const STAFF_AT_WORK: readonly ActorRole[] = ['specialist', 'head_of_unit'];

// biome-ignore format: one row per line reads as a table.
export const TRANSITIONS: readonly Transition[] = [
  // Reception (tiếp nhận)
  { action: 'submit_online', from: ['none'], roles: ['citizen'], to: 'submitted',
    input: submitOnlineInput, guards: [], effects: ['open_online'] },
  { action: 'receive', from: ['none'], roles: ['counter_officer'], to: 'received',
    input: receiveNewInput, guards: ['checklist_complete'], effects: ['open_at_counter', 'start_clock', 'start_first_step'] },
  { action: 'receive', from: ['submitted'], roles: ['counter_officer'], to: 'received',
    input: receiveSubmittedInput, guards: ['checklist_complete'], effects: ['start_clock', 'start_first_step'] },
  { action: 'refuse', from: ['none'], roles: ['counter_officer'], to: 'refused',
    input: refuseNewInput, guards: [], effects: ['open_at_counter', 'end_refused'] },
  { action: 'refuse', from: ['submitted'], roles: ['counter_officer'], to: 'refused',
    input: refuseSubmittedInput, guards: [], effects: ['end_refused'] },

  // Internal process (quy trình nội bộ). The role a step names acts on it: a dossier reaches the
  // leader only when the holder of the last work step forwards it, so no step can be skipped.
  // `submit_for_approval` (trình phê duyệt) has no row of its own: it is that last forward.
  { action: 'assign', from: ['received', 'in_progress'], roles: ['head_of_unit'], to: 'unchanged',
    input: assignInput, guards: ['has_step'], effects: ['set_assignee'] },
  { action: 'forward_step', from: ['received', 'in_progress'], when: 'has_next_work_step',
    roles: ['counter_officer', 'specialist', 'head_of_unit', 'leader'], to: 'in_progress',
    input: noteInput, guards: ['step_holder'], effects: ['next_step'] },
  { action: 'forward_step', from: ['received', 'in_progress'], when: 'last_work_step',
    roles: ['counter_officer', 'specialist', 'head_of_unit', 'leader'], to: 'awaiting_approval',
    input: noteInput, guards: ['step_holder'], effects: ['to_approval'] },
  { action: 'approve', from: ['awaiting_approval'], roles: ['leader'], to: 'result_ready',
    input: approveInput, guards: [], effects: ['end_processed'] },
  { action: 'return_for_rework', from: ['awaiting_approval'], roles: ['leader'], to: 'in_progress',
    input: reasonInput, guards: [], effects: ['back_to_rework'] },
  { action: 'return_result', from: ['result_ready'], roles: ['counter_officer'], to: 'returned',
    input: returnResultInput, guards: [], effects: ['record_return'] },

  // Waits (tạm dừng)
  { action: 'request_supplement', from: ['received', 'in_progress'], roles: STAFF_AT_WORK, to: 'awaiting_supplement',
    input: requestSupplementInput, guards: [], effects: ['open_supplement_wait'] },
  { action: 'receive_supplement', from: ['awaiting_supplement'], roles: ['counter_officer', 'citizen'], to: 'in_progress',
    input: receiveSupplementInput, guards: ['own_dossier', 'supplement_within_limit'],
    effects: ['close_supplement_wait', 'restart_clock', 'restart_step'] },
  { action: 'close_unsupplemented', from: ['awaiting_supplement'], roles: ['system'], to: 'stopped',
    input: noteInput, guards: ['supplement_limit_passed'], effects: ['end_unsupplemented'] },
  { action: 'request_payment', from: ['received', 'in_progress'], roles: ['counter_officer', ...STAFF_AT_WORK], to: 'awaiting_payment',
    input: requestPaymentInput, guards: [], effects: ['open_payment_wait'] },
  { action: 'confirm_payment', from: ['awaiting_payment'], roles: ['counter_officer', 'system'], to: 'previous',
    input: confirmPaymentInput, guards: [], effects: ['shift_for_payment', 'close_payment_wait'] },
  { action: 'send_inter_agency', from: ['in_progress'], roles: STAFF_AT_WORK, to: 'awaiting_inter_agency',
    input: sendInterAgencyInput, guards: [], effects: ['open_inter_agency_wait'] },
  { action: 'receive_inter_agency', from: ['awaiting_inter_agency'], roles: STAFF_AT_WORK, to: 'in_progress',
    input: noteInput, guards: [], effects: ['close_inter_agency_wait'] },

  // Delay, withdrawal, stop
  { action: 'extend', from: CLOCK_RUNNING, roles: ['head_of_unit', 'leader'], to: 'unchanged',
    input: extendInput, guards: ['extension_unused', 'extension_later', 'extension_on_working_day', 'extension_in_time'],
    effects: ['record_extension'] },
  { action: 'request_withdrawal', from: ['submitted', ...BEFORE_RESULT], roles: ['citizen', 'counter_officer'], to: 'withdrawal_requested',
    input: reasonInput, guards: ['own_dossier'], effects: ['record_withdrawal_request'] },
  { action: 'accept_withdrawal', from: ['withdrawal_requested'], roles: ['counter_officer', 'leader'], to: 'stopped',
    input: noteInput, guards: [], effects: ['end_withdrawn'] },
  { action: 'reject_withdrawal', from: ['withdrawal_requested'], roles: ['counter_officer', 'leader'], to: 'previous',
    input: reasonInput, guards: [], effects: ['clear_withdrawal'] },
  { action: 'stop', from: BEFORE_RESULT, roles: ['leader'], to: 'stopped',
    input: stopInput, guards: [], effects: ['end_stopped'] },
];

/**
 * Actions that keep their name (in older events and the API's list of actions) but have no row:
 * `decide` refuses them with `not_in_process`. Submitting for approval is the last work step's forward.
 */
export const ACTIONS_WITHOUT_ROW: readonly DossierAction[] = ['submit_for_approval'];

/** The rows of one action. */
export function transitionsOf(action: DossierAction): Transition[] {
  return TRANSITIONS.filter((t) => t.action === action);
}

/** The actions some role may take from a state (for showing buttons; guards may still refuse). */
export function availableActions(state: FromState, roles: readonly ActorRole[]): DossierAction[] {
  const actions = TRANSITIONS.filter(
    (t) => t.from.includes(state) && t.roles.some((r) => roles.includes(r)),
  ).map((t) => t.action);
  return [...new Set(actions)];
}
