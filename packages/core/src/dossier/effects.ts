import { addWorkingHours, workingHoursBetween } from '../calendar/working-time.ts';
import { SYSTEM_ACTOR } from './actions.ts';
import type { RuleContext } from './command.ts';
import {
  acceptanceDeadline,
  appointmentAtReceipt,
  approvalStepIndex,
  stepDeadline,
  supplementLimit,
  workStepCount,
} from './deadlines.ts';
import type {
  ApproveInput,
  AssignInput,
  ExtendInput,
  ReceiveNewInput,
  RequestSupplementInput,
  ReturnResultInput,
  SubmitOnlineInput,
} from './inputs.ts';
import { timelinessOfEnd } from './policies.ts';
import {
  type DossierSnapshot,
  type EndKind,
  ms,
  openPause,
  type PauseKind,
  type StopReason,
} from './snapshot.ts';

/**
 * What a transition does to the dossier besides changing its state. Each effect changes a working
 * copy (never the caller's snapshot) and may add what it derived to the event's payload.
 */

export interface EffectContext extends RuleContext {
  /** The state before the command (null when it creates the dossier). */
  before: DossierSnapshot | null;
  payload: Record<string, unknown>;
}

type Effect = (d: DossierSnapshot, c: EffectContext) => void;

const iso = (t: Date | number) => new Date(t).toISOString();

/** Starts a step at an instant, with its own deadline. */
function startStep(d: DossierSnapshot, index: number, at: Date, c: EffectContext): void {
  if (index < 0 || index >= d.procedure.steps.length || d.countingStartAt === null) {
    d.step = null;
    return;
  }
  const dueAt = stepDeadline(d.procedure, index, at, new Date(d.countingStartAt), c.calendar);
  d.step = { index, startedAt: iso(at), dueAt: iso(dueAt), assigneeId: null };
  c.payload.startedStep = { index, name: d.procedure.steps[index]!.name, dueAt: iso(dueAt) };
}

/** Ends the current step and records it for the control sheet: who held it and whether it was in time. */
function finishStep(d: DossierSnapshot, c: EffectContext): void {
  const step = d.step;
  if (!step) return;
  const def = d.procedure.steps[step.index];
  c.payload.finishedStep = {
    index: step.index,
    name: def?.name ?? null,
    role: def?.role ?? null,
    assigneeId: step.assigneeId,
    startedAt: step.startedAt,
    dueAt: step.dueAt,
    finishedAt: iso(c.now),
    timeliness: timelinessOfEnd(c.now, new Date(step.dueAt), c.policy),
  };
  d.step = null;
}

function openWait(d: DossierSnapshot, kind: PauseKind, c: EffectContext, limitAt: Date | null = null): void {
  d.pauses.push({
    kind,
    startedAt: iso(c.now),
    endedAt: null,
    closedBy: null,
    resumeState: kind === 'payment' ? d.state : 'in_progress',
    limitAt: limitAt ? iso(limitAt) : null,
  });
}

function closeWait(kind: PauseKind): Effect {
  return (d, c) => {
    const pause = openPause(d, kind);
    if (!pause) return;
    pause.endedAt = iso(c.now);
    pause.closedBy = 'resumed';
  };
}

/**
 * The end of processing (Decision 766): every wait still open ends with it. A withdrawal ends
 * processing at the citizen's request, not at the officer's acceptance (policies.ts).
 */
function end(kind: EndKind, stopReason: StopReason | null = null): Effect {
  return (d, c) => {
    finishStep(d, c);
    for (const p of d.pauses) {
      if (p.endedAt !== null) continue;
      p.endedAt = iso(c.now);
      p.closedBy = 'dossier_ended';
    }
    d.endedAt ??= kind === 'withdrawn' && d.withdrawal ? d.withdrawal.requestedAt : iso(c.now);
    d.endKind ??= kind;
    d.stopReason = stopReason;
    d.withdrawal = null;
  };
}

export const EFFECTS = {
  /** An online submission (mới đăng ký): the agency has 8 working hours to receive or refuse it. */
  open_online: (d, c) => {
    const input = c.input as SubmitOnlineInput;
    d.procedure = input.procedure;
    d.channel = 'online';
    // An online dossier brought from another system (the history import acts as the system) has no
    // applicant account here.
    d.applicantId = c.actor.id === SYSTEM_ACTOR.id ? null : c.actor.id;
    d.submittedAt = iso(c.now);
    d.acceptanceDueAt = iso(acceptanceDeadline(c.now, c.calendar));
    c.payload.acceptanceDueAt = d.acceptanceDueAt;
  },

  /** A dossier brought to the counter or sent by post. */
  open_at_counter: (d, c) => {
    const input = c.input as Pick<ReceiveNewInput, 'procedure' | 'channel' | 'applicantId'>;
    d.procedure = input.procedure;
    d.channel = input.channel;
    d.applicantId = input.applicantId ?? null;
  },

  /** Receipt of a complete dossier: counting starts and the appointment is set (mẫu 01). */
  start_clock: (d, c) => {
    const { countingStartAt, dueAt } = appointmentAtReceipt(c.now, d.procedure.processingTime, c.calendar);
    d.receivedAt = iso(c.now);
    d.countingStartAt = iso(countingStartAt);
    d.dueAt = iso(dueAt);
    d.originalDueAt = d.dueAt;
    d.dueHistory = [{ at: iso(c.now), dueAt: d.dueAt, cause: 'receipt' }];
    c.payload.countingStartAt = d.countingStartAt;
    c.payload.dueAt = d.dueAt;
    if (d.acceptanceDueAt) c.payload.acceptedLate = c.now.getTime() > ms(d.acceptanceDueAt);
  },

  start_first_step: (d, c) => {
    if (workStepCount(d.procedure.steps) > 0 && d.countingStartAt) {
      startStep(d, 0, new Date(d.countingStartAt), c);
    }
  },

  set_assignee: (d, c) => {
    if (!d.step) return;
    c.payload.previousAssigneeId = d.step.assigneeId;
    d.step.assigneeId = (c.input as AssignInput).assigneeId;
  },

  /** Chuyển bước: the current step is done, the next work step starts now. */
  next_step: (d, c) => {
    const next = (d.step?.index ?? -1) + 1;
    finishStep(d, c);
    startStep(d, next, c.now, c);
  },

  /** The work is done: the approval step, if the procedure has one, starts now. */
  to_approval: (d, c) => {
    finishStep(d, c);
    startStep(d, approvalStepIndex(d.procedure.steps), c.now, c);
  },

  /** The leader sends it back to the last work step. */
  back_to_rework: (d, c) => {
    finishStep(d, c);
    startStep(d, workStepCount(d.procedure.steps) - 1, c.now, c);
  },

  /** Mẫu 02: one numbered list of everything missing; the clock stops until it all comes. */
  open_supplement_wait: (d, c) => {
    const input = c.input as RequestSupplementInput;
    const limitAt = supplementLimit(c.now, c.supplementLimitWorkingDays, c.calendar);
    d.supplementRequests += 1;
    openWait(d, 'supplement', c, limitAt);
    c.payload.requestNumber = d.supplementRequests;
    c.payload.items = input.items.map((item, i) => ({ number: i + 1, ...item }));
    c.payload.limitAt = iso(limitAt);
  },

  close_supplement_wait: closeWait('supplement'),

  /** The complete supplement arrived: the processing time starts again from the beginning. */
  restart_clock: (d, c) => {
    const { countingStartAt, dueAt } = appointmentAtReceipt(c.now, d.procedure.processingTime, c.calendar);
    d.countingStartAt = iso(countingStartAt);
    d.dueAt = iso(dueAt);
    d.dueHistory.push({ at: iso(c.now), dueAt: d.dueAt, cause: 'supplement_received' });
    c.payload.countingStartAt = d.countingStartAt;
    c.payload.dueAt = d.dueAt;
  },

  /** The step that asked for the supplement starts again with its whole share of the time. */
  restart_step: (d, c) => {
    if (!d.step || !d.countingStartAt) return;
    const assigneeId = d.step.assigneeId;
    startStep(d, d.step.index, new Date(d.countingStartAt), c);
    if (d.step) d.step.assigneeId = assigneeId;
  },

  open_payment_wait: (d, c) => openWait(d, 'payment', c),

  /** The applicant's time spent paying does not count against the agency: deadlines move by it. */
  shift_for_payment: (d, c) => {
    const pause = openPause(d, 'payment');
    if (!pause) return;
    const hours = workingHoursBetween(new Date(pause.startedAt), c.now, c.calendar);
    c.payload.pausedWorkingHours = hours;
    if (!(hours > 0)) return;
    if (d.dueAt) {
      d.dueAt = iso(addWorkingHours(new Date(d.dueAt), hours, c.calendar));
      d.dueHistory.push({ at: iso(c.now), dueAt: d.dueAt, cause: 'payment_wait' });
      c.payload.dueAt = d.dueAt;
    }
    if (d.step) d.step.dueAt = iso(addWorkingHours(new Date(d.step.dueAt), hours, c.calendar));
  },

  close_payment_wait: closeWait('payment'),

  /** Liên thông: the clock keeps running, the other agency's time is part of the processing time. */
  open_inter_agency_wait: (d, c) => openWait(d, 'inter_agency', c),

  close_inter_agency_wait: closeWait('inter_agency'),

  /** Signed: processing ends here (9 Đã xử lý xong); any step after approval (returning) starts. */
  end_processed: (d, c) => {
    const { outcome } = c.input as ApproveInput;
    const approval = approvalStepIndex(d.procedure.steps);
    end('processed')(d, c);
    d.outcome = outcome;
    if (approval >= 0) startStep(d, approval + 1, c.now, c);
  },

  record_return: (d, c) => {
    finishStep(d, c);
    d.returnedAt = iso(c.now);
    d.returnChannel = (c.input as ReturnResultInput).channel;
  },

  /** Mẫu 04: the one extension moves the appointment. */
  record_extension: (d, c) => {
    const input = c.input as ExtendInput;
    const newDueAt = iso(ms(input.newDueAt));
    d.extension = { at: iso(c.now), previousDueAt: d.dueAt ?? newDueAt, newDueAt, reason: input.reason };
    d.dueAt = newDueAt;
    d.dueHistory.push({ at: iso(c.now), dueAt: newDueAt, cause: 'extension' });
    c.payload.previousDueAt = d.extension.previousDueAt;
    c.payload.dueAt = newDueAt;
  },

  record_withdrawal_request: (d, c) => {
    d.withdrawal = { requestedAt: iso(c.now), resumeState: d.state };
  },

  clear_withdrawal: (d) => {
    d.withdrawal = null;
  },

  end_refused: end('refused'),
  end_withdrawn: end('withdrawn', 'withdrawn'),
  end_stopped: end('stopped', 'stopped_by_agency'),
  end_unsupplemented: end('stopped', 'supplement_not_received'),
} satisfies Record<string, Effect>;

export type EffectName = keyof typeof EFFECTS;
