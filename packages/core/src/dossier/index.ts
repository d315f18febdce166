export {
  ACTOR_ROLE_LABELS,
  type ActorRole,
  DOCUMENT_EVENT_LABELS,
  DOCUMENT_UPLOAD_ROLES,
  DOSSIER_ACTION_LABELS,
  DOSSIER_ACTIONS,
  type DossierAction,
  type DossierActor,
  isDossierAction,
  SYSTEM_ACTOR,
} from './actions.ts';
export type { Decision, DecisionContext, DossierCommand, DossierEvent } from './command.ts';
export {
  acceptanceDeadline,
  acceptanceOverdue,
  appointmentAtReceipt,
  approvalStepIndex,
  atRisk,
  classify,
  DEFAULT_SUPPLEMENT_LIMIT_WORKING_DAYS,
  dueAtInForce,
  hasEndedBy,
  lateSupplementRequest,
  ONLINE_ACCEPTANCE_WORKING_HOURS,
  type OpenTimeliness,
  stepDeadline,
  stepWorkingHours,
  supplementLimit,
  supplementRequestsBy,
  type Timeliness,
  workStepCount,
} from './deadlines.ts';
export { decide } from './decide.ts';
export {
  type DossierCodeParts,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
  UNIT_CODE_PATTERN,
} from './dossier-code.ts';
export type { EffectName } from './effects.ts';
export type { GuardName } from './guards.ts';
export * as dossierInputs from './inputs.ts';
export { openActions } from './open-actions.ts';
export {
  type CountingPolicy,
  countingPolicySchema,
  DECISION_766_POLICY,
  END_COMPARISONS,
  type EndComparison,
  EXTENSION_NOTICE_READINGS,
  type ExtensionNoticeReading,
  type FinishedTimeliness,
  isPast,
  mayExtendAt,
  timelinessOfEnd,
} from './policies.ts';
export { overdueFrom } from './read-model.ts';
export { formatVietnamTime, REFUSAL_CODES, type Refusal, type RefusalCode } from './refusals.ts';
export {
  CHANNELS,
  type Channel,
  type DossierProcedure,
  type DossierSnapshot,
  DUE_CHANGE_CAUSES,
  type DueChange,
  type DueChangeCause,
  dossierProcedureOf,
  dossierProcedureSchema,
  dossierSnapshotSchema,
  END_KINDS,
  type EndKind,
  type ExtensionRecord,
  OUTCOMES,
  type Outcome,
  PAUSE_KINDS,
  type PauseKind,
  type PauseRecord,
  RETURN_CHANNELS,
  type ReturnChannel,
  STOP_REASONS,
  type StepState,
  type StopReason,
  type WithdrawalRequest,
} from './snapshot.ts';
export {
  DOSSIER_STATE_INFO,
  DOSSIER_STATES,
  type DossierState,
  type DossierStateInfo,
  isTerminalState,
  NATIONAL_STATUS_NAMES,
  type NationalStatusCode,
  nationalStatusOf,
  TERMINAL_STATES,
} from './states.ts';
export {
  availableActions,
  type FromState,
  ROUTES,
  type RouteName,
  type Target,
  TRANSITIONS,
  type Transition,
  transitionsOf,
} from './transitions.ts';
