import type { CalendarConfig } from '../calendar/config.ts';
import type { ActorRole, DossierAction, DossierActor } from './actions.ts';
import type { ActionEvent } from './events.ts';
import type { CountingPolicy } from './policies.ts';
import type { Refusal } from './refusals.ts';
import type { DossierSnapshot } from './snapshot.ts';

/** One thing someone asks to do to a dossier. `input` is checked against the action's schema. */
export interface DossierCommand {
  action: DossierAction;
  actor: DossierActor;
  input?: unknown;
}

/** What the rules need from outside: core has no clock and no configuration of its own. */
export interface DecisionContext {
  now: Date;
  calendar: CalendarConfig;
  /** Working days the applicant has to hand in a supplement (default 15, configurable). */
  supplementLimitWorkingDays: number;
  /** The agency's readings of Decision 766 where the law leaves room; its own words when absent. */
  policy?: CountingPolicy;
  /** The keyed HMAC of the dossier's applicant identity number, as the server stores it (own_dossier). */
  applicantIdHmac?: string | null | undefined;
}

/**
 * The record of an accepted command, for the event log and the control sheet (mẫu 06): its payload
 * is the validated input and what the rules derived from it, typed by action (events.ts).
 */
export type DossierEvent<A extends DossierAction = DossierAction> = ActionEvent<A>;

export type Decision = { ok: true; next: DossierSnapshot; event: DossierEvent } | Refusal;

/** What guards and effects see: the command after validation, and the context. */
export interface RuleContext {
  action: DossierAction;
  actor: DossierActor;
  /** The actor's roles that the transition allows, i.e. the capacities they act in. */
  actingAs: readonly ActorRole[];
  input: unknown;
  now: Date;
  calendar: CalendarConfig;
  supplementLimitWorkingDays: number;
  policy?: CountingPolicy;
  /** The keyed HMAC of the dossier's applicant identity number, as the server stores it (own_dossier). */
  applicantIdHmac?: string | null | undefined;
}
