import { z } from 'zod';
import { ROLES } from '../org/roles.ts';
import type { DossierAction } from './actions.ts';
import { dossierProcedureSchema, RETURN_CHANNELS } from './snapshot.ts';
import { DOSSIER_STATES, type DossierState } from './states.ts';

/**
 * What each action records in the dossier's history (dossier_event.payload): the validated input
 * and what the rules derived from it. One schema per action, so `decide` returns a typed event and
 * every reader (the dossier page, forms 02-06, the public lookup, the control sheet) reads the same
 * fields without guessing; stored payloads are parsed with the same schemas when they are loaded.
 *
 * Schemas describe shape, not the input's limits (those are inputs.ts): they must read back every
 * payload the rules ever wrote. Unknown keys are dropped.
 */

const instant = z.iso.datetime({ offset: true });
const note = z.string().optional();

/** The internal step an action started (chuyển bước), with its own deadline. */
export const startedStepSchema = z.object({
  index: z.number().int().min(0),
  name: z.string(),
  dueAt: instant,
});
export type StartedStep = z.infer<typeof startedStepSchema>;

/** The step an action finished, as the control sheet (mẫu 06) records it. */
export const finishedStepSchema = z.object({
  index: z.number().int().min(0),
  name: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  assigneeId: z.string().nullable(),
  startedAt: instant,
  dueAt: instant,
  finishedAt: instant,
  timeliness: z.enum(['early', 'on_time', 'late']),
});
export type FinishedStep = z.infer<typeof finishedStepSchema>;

/** Actions that may end one step and start another. */
const stepChange = {
  finishedStep: finishedStepSchema.optional(),
  startedStep: startedStepSchema.optional(),
};

const checklistItem = z.object({
  document: z.string(),
  received: z.boolean(),
  copies: z.number().int().optional(),
});

/** A dossier created at the counter or by post carries the procedure and channel it was received with. */
const created = {
  procedure: dossierProcedureSchema,
  channel: z.enum(['counter', 'post']),
  applicantId: z.string().nullable().optional(),
};

/** The clock (re)starts: where counting starts and the appointment it gives. */
const clock = { countingStartAt: instant, dueAt: instant };

export const EVENT_PAYLOAD_SCHEMAS = {
  submit_online: z.object({ procedure: dossierProcedureSchema, acceptanceDueAt: instant }),
  /** At the counter (with the procedure) or the acceptance of an online submission (without). */
  receive: z.object({
    ...created,
    procedure: created.procedure.optional(),
    channel: created.channel.optional(),
    checklist: z.array(checklistItem),
    ...clock,
    /** Online submissions: accepted after the 8 working hours. */
    acceptedLate: z.boolean().optional(),
    startedStep: startedStepSchema.optional(),
  }),
  refuse: z.object({
    ...created,
    procedure: created.procedure.optional(),
    channel: created.channel.optional(),
    reason: z.string(),
    finishedStep: finishedStepSchema.optional(),
  }),
  assign: z.object({ assigneeId: z.string(), note, previousAssigneeId: z.string().nullable() }),
  forward_step: z.object({ note, ...stepChange }),
  request_supplement: z.object({
    /** Mẫu 02's numbered list. */
    items: z.array(
      z.object({ number: z.number().int().min(1), description: z.string(), reason: z.string() }),
    ),
    contact: z.object({ name: z.string(), phone: z.string() }).optional(),
    note,
    /** 1 for the first request: more than one makes the open dossier overdue (policies.ts). */
    requestNumber: z.number().int().min(1),
    /** After this instant the dossier is closed unsupplemented. */
    limitAt: instant,
  }),
  receive_supplement: z.object({
    documents: z.array(z.string()),
    note,
    ...clock,
    startedStep: startedStepSchema.optional(),
  }),
  close_unsupplemented: z.object({ note, finishedStep: finishedStepSchema.optional() }),
  request_payment: z.object({
    items: z.array(z.object({ name: z.string(), amountVnd: z.number().int() })),
    note,
  }),
  confirm_payment: z.object({
    reference: z.string().optional(),
    note,
    /** The wait in working hours, by which the due dates moved. */
    pausedWorkingHours: z.number().optional(),
    dueAt: instant.optional(),
  }),
  send_inter_agency: z.object({ agency: z.string(), note }),
  receive_inter_agency: z.object({ note }),
  submit_for_approval: z.object({ note, ...stepChange }),
  approve: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('granted'), resultNumber: z.string().optional(), note, ...stepChange }),
    z.object({
      outcome: z.literal('refused'),
      reason: z.string(),
      resultNumber: z.string().optional(),
      ...stepChange,
    }),
  ]),
  return_for_rework: z.object({ reason: z.string(), ...stepChange }),
  return_result: z.object({
    channel: z.enum(RETURN_CHANNELS),
    note,
    finishedStep: finishedStepSchema.optional(),
  }),
  extend: z.object({
    reason: z.string(),
    newDueAt: instant,
    letterNumber: z.string().optional(),
    previousDueAt: instant,
    dueAt: instant,
  }),
  request_withdrawal: z.object({ reason: z.string() }),
  accept_withdrawal: z.object({ note, finishedStep: finishedStepSchema.optional() }),
  reject_withdrawal: z.object({ reason: z.string() }),
  stop: z.object({
    reason: z.string(),
    noticeNumber: z.string().optional(),
    finishedStep: finishedStepSchema.optional(),
  }),
} satisfies Record<DossierAction, z.ZodType>;

/** The payload each action records. */
export type EventPayloads = { [A in DossierAction]: z.infer<(typeof EVENT_PAYLOAD_SCHEMAS)[A]> };

/**
 * History entries that are not lifecycle actions: a document attached to or removed from the
 * dossier, and the marker of a dossier brought from the agency's previous system (history import).
 */
export const DOCUMENT_EVENT_PAYLOAD_SCHEMAS = {
  document_added: z.object({
    documentId: z.string(),
    name: z.string(),
    kind: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  }),
  document_removed: z.object({
    documentId: z.string(),
    name: z.string(),
    kind: z.string(),
    sha256: z.string(),
  }),
  imported: z.object({
    previousCode: z.string().nullish(),
    sourceSystem: z.string().nullish(),
    sourceDigest: z.string(),
    /** How many of the previous system's events were replayed. */
    events: z.number().int(),
  }),
};

export type DocumentEventAction = keyof typeof DOCUMENT_EVENT_PAYLOAD_SCHEMAS;
export type DocumentEventPayloads = {
  [A in DocumentEventAction]: z.infer<(typeof DOCUMENT_EVENT_PAYLOAD_SCHEMAS)[A]>;
};

/** Every kind of history entry, lifecycle or document, with its payload. */
export type HistoryPayloads = EventPayloads & DocumentEventPayloads;
export type HistoryAction = keyof HistoryPayloads;

const HISTORY_SCHEMAS: { [A in HistoryAction]: z.ZodType<HistoryPayloads[A]> } = {
  ...EVENT_PAYLOAD_SCHEMAS,
  ...DOCUMENT_EVENT_PAYLOAD_SCHEMAS,
};

export function isHistoryAction(value: string): value is HistoryAction {
  return Object.hasOwn(HISTORY_SCHEMAS, value);
}

/** What every recorded event says besides its payload. */
interface EventBase {
  /** null when the command created the dossier. */
  fromState: DossierState | null;
  toState: DossierState;
  at: string;
  actorId: string;
}

/** The record of an accepted command of one action (or any action), for the history and the control sheet. */
export type ActionEvent<A extends DossierAction = DossierAction> = {
  [K in A]: EventBase & { action: K; payload: EventPayloads[K] };
}[A];

/** The payload of an action as recorded: checked against its schema, or an error naming what is wrong. */
export function parseEventPayload<A extends HistoryAction>(
  action: A,
  payload: unknown,
): { ok: true; payload: HistoryPayloads[A] } | { ok: false; error: string } {
  const result = HISTORY_SCHEMAS[action].safeParse(payload);
  if (result.success) return { ok: true, payload: result.data };
  return { ok: false, error: z.prettifyError(result.error) };
}

/**
 * One stored event as the history holds it: who, when, which transition, and the payload read
 * back through its action's schema.
 */
export type HistoryEvent<A extends HistoryAction = HistoryAction> = {
  [K in A]: {
    seq: number;
    at: string;
    actorId: string | null;
    actorName: string;
    action: K;
    fromState: DossierState | null;
    toState: DossierState;
    payload: HistoryPayloads[K];
  };
}[A];

/** A stored event's states, checked (a row is JSON and text from the database). */
export const storedStateSchema = z.enum(DOSSIER_STATES);

/**
 * The event of an accepted command, its payload checked against the action's schema. A payload the
 * schema does not allow is a bug in the rules (an effect writing an undeclared field), not a refusal.
 */
export function actionEvent<A extends DossierAction>(
  action: A,
  base: EventBase,
  payload: unknown,
): ActionEvent<A> {
  const parsed = parseEventPayload(action, payload);
  if (!parsed.ok)
    throw new Error(`${action}: the event's payload does not match its schema: ${parsed.error}`);
  const dropped = undeclared(payload, parsed.payload, '');
  if (dropped)
    throw new Error(`${action}: the event's payload has ${dropped}, which its schema does not declare`);
  return { ...base, action, payload: parsed.payload };
}

/** The first key the raw payload has and the parsed one lost (the schema would drop it on storage). */
function undeclared(raw: unknown, parsed: unknown, path: string): string | null {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (const [i, item] of raw.entries()) {
      const found = undeclared(item, parsed[i], `${path}[${i}].`);
      if (found) return found;
    }
    return null;
  }
  if (raw === null || typeof raw !== 'object' || parsed === null || typeof parsed !== 'object') return null;
  const kept = new Map(Object.entries(parsed));
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (!kept.has(key)) return `${path}${key}`;
    const found = undeclared(value, kept.get(key), `${path}${key}.`);
    if (found) return found;
  }
  return null;
}

/** Whether an event is one of the given actions: narrows its payload to theirs. */
export function isEventOf<A extends DossierAction>(
  event: ActionEvent,
  ...actions: A[]
): event is Extract<ActionEvent, { action: A }> {
  return (actions as readonly DossierAction[]).includes(event.action);
}

/** Whether a stored event is one of the given actions: narrows its payload to theirs. */
export function isHistoryOf<A extends HistoryAction>(
  event: HistoryEvent,
  ...actions: A[]
): event is Extract<HistoryEvent, { action: A }> {
  return (actions as readonly HistoryAction[]).includes(event.action);
}

/** The latest stored event of one of the given actions, typed by them. */
export function lastEventOf<A extends HistoryAction>(
  events: readonly HistoryEvent[],
  ...actions: A[]
): Extract<HistoryEvent, { action: A }> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (isHistoryOf(event, ...actions)) return event;
  }
  return undefined;
}

/** The step an event finished and the one it started, whichever its action records. */
export function stepChangeOf(payload: HistoryPayloads[HistoryAction]): {
  finished: FinishedStep | undefined;
  started: StartedStep | undefined;
} {
  return {
    finished: 'finishedStep' in payload ? payload.finishedStep : undefined,
    started: 'startedStep' in payload ? payload.startedStep : undefined,
  };
}

/** What the officer wrote with the action, if its form has a note. */
export function noteOf(payload: HistoryPayloads[HistoryAction]): string | undefined {
  return 'note' in payload ? payload.note : undefined;
}
