import { isWorkingDay } from '../calendar/working-time.ts';
import type { RuleContext } from './command.ts';
import type { ExtendInput, ReceiveNewInput, ReceiveSubmittedInput } from './inputs.ts';
import { mayExtendAt } from './policies.ts';
import { type Refusal, refusals } from './refusals.ts';
import { type DossierSnapshot, ms, openPause } from './snapshot.ts';

/**
 * Conditions a transition needs beyond state and role, each refusing with its own reason. A guard
 * runs only after the input passed its schema, so it may read the input as that schema's output.
 */

type Guard = (d: DossierSnapshot | null, c: RuleContext) => Refusal | null;

const sameName = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

function existing(d: DossierSnapshot | null): DossierSnapshot {
  if (!d) throw new Error('this guard needs an existing dossier');
  return d;
}

export const GUARDS = {
  /** Every document the procedure requires is ticked as received (nhận đủ hồ sơ hợp lệ). */
  checklist_complete: (d, c) => {
    const input = c.input as ReceiveNewInput | ReceiveSubmittedInput;
    const procedure = d?.procedure ?? (input as ReceiveNewInput).procedure;
    const missing = procedure.requiredDocuments.filter(
      (name) => !input.checklist.some((item) => item.received && sameName(item.document, name)),
    );
    return missing.length > 0 ? refusals.checklistIncomplete(missing) : null;
  },

  /**
   * Someone acting only as a citizen acts on their own dossier: they are its applicant account, or
   * (a counter dossier) their verified identity number's HMAC is the applicant identity number's.
   */
  own_dossier: (d, c) => {
    const dossier = existing(d);
    const asCitizenOnly = c.actingAs.every((r) => r === 'citizen');
    if (!asCitizenOnly || c.actor.id === dossier.applicantId) return null;
    const sameIdentity = !!c.actor.idHmac && c.actor.idHmac === c.applicantIdHmac;
    return sameIdentity ? null : refusals.notApplicant(c.action);
  },

  /**
   * The current step is the actor's: assigned to them, or (unassigned) done in a role they hold. The
   * role a step names is the role that acts on it: a head of unit moves on the head's step, not the
   * specialist's (the head reassigns it instead), so no step of the process is skipped.
   */
  step_holder: (d, c) => {
    const dossier = existing(d);
    if (!dossier.step) return null;
    const def = dossier.procedure.steps[dossier.step.index];
    if (!def) return null;
    if (dossier.step.assigneeId !== null) {
      return dossier.step.assigneeId === c.actor.id ? null : refusals.notAssignee(def.name);
    }
    return c.actingAs.includes(def.role) ? null : refusals.stepRoleMismatch(def.name, def.role);
  },

  has_step: (d) => (existing(d).step ? null : refusals.noCurrentStep()),

  supplement_within_limit: (d, c) => {
    const limitAt = openPause(existing(d), 'supplement')?.limitAt;
    return limitAt && c.now.getTime() > ms(limitAt) ? refusals.supplementLimitPassed(limitAt) : null;
  },

  supplement_limit_passed: (d, c) => {
    const limitAt = openPause(existing(d), 'supplement')?.limitAt;
    return limitAt && c.now.getTime() <= ms(limitAt) ? refusals.supplementLimitNotReached(limitAt) : null;
  },

  extension_unused: (d) => {
    const extension = existing(d).extension;
    return extension ? refusals.extensionAlreadyUsed(extension.at) : null;
  },

  extension_in_time: (d, c) => {
    const dueAt = existing(d).dueAt;
    return dueAt && !mayExtendAt(c.now, new Date(dueAt), c.calendar, c.policy)
      ? refusals.extensionTooLate(dueAt)
      : null;
  },

  extension_later: (d, c) => {
    const dueAt = existing(d).dueAt;
    const { newDueAt } = c.input as ExtendInput;
    return dueAt && ms(newDueAt) <= ms(dueAt) ? refusals.extensionNotLater(dueAt) : null;
  },

  extension_on_working_day: (_d, c) => {
    const { newDueAt } = c.input as ExtendInput;
    return isWorkingDay(new Date(newDueAt), c.calendar) ? null : refusals.dueDateNotWorkingDay(newDueAt);
  },
} satisfies Record<string, Guard>;

export type GuardName = keyof typeof GUARDS;

/** Guards that read the command's input, so they can judge only a filled-in form, not a button. */
export const INPUT_GUARDS: ReadonlySet<GuardName> = new Set<GuardName>([
  'checklist_complete',
  'extension_later',
  'extension_on_working_day',
]);
