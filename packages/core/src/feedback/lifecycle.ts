import type { CalendarConfig } from '../calendar/config.ts';
import { addWorkingDays } from '../calendar/working-time.ts';
import type { Role } from '../org/roles.ts';

/**
 * A feedback case (phản ánh, kiến nghị, PAKN) as one table, like the dossier's: a case received
 * from a citizen is assigned to a unit (and optionally an officer), answered, and closed; a case
 * that is not the agency's to handle is rejected as out of scope. Answers are due 15 working days
 * after receipt on the agency's calendar (Decision 766, indicator 5.2).
 */
export const FEEDBACK_STATES = ['received', 'assigned', 'answered', 'closed', 'rejected'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export const FEEDBACK_STATE_LABELS: Record<FeedbackState, { vi: string; en: string }> = {
  received: { vi: 'Mới tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đã giao xử lý', en: 'Assigned' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  rejected: { vi: 'Không thuộc thẩm quyền', en: 'Out of scope' },
};

/** What a case is about. */
export const FEEDBACK_TOPICS = ['procedure', 'dossier', 'conduct'] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const FEEDBACK_ACTIONS = ['assign', 'answer', 'close', 'reject'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/**
 * Who acts: `agency` a grant on the case's agency or above, `unit` a grant on the unit the case
 * is assigned to or above, `assignee` the officer it is assigned to.
 */
export type FeedbackScope = 'agency' | 'unit' | 'assignee';

export interface FeedbackTransition {
  action: FeedbackAction;
  from: readonly FeedbackState[];
  to: FeedbackState;
  who: readonly { role: Role | 'any'; scope: FeedbackScope }[];
}

/** The reform office (tham mưu CCHC) and the leaders receive and dispatch feedback; the unit answers it. */
const DISPATCHERS = [
  { role: 'reform_officer', scope: 'agency' },
  { role: 'leader', scope: 'agency' },
] as const;

export const FEEDBACK_TRANSITIONS: readonly FeedbackTransition[] = [
  { action: 'assign', from: ['received', 'assigned'], to: 'assigned', who: DISPATCHERS },
  {
    action: 'answer',
    from: ['assigned'],
    to: 'answered',
    who: [...DISPATCHERS, { role: 'head_of_unit', scope: 'unit' }, { role: 'any', scope: 'assignee' }],
  },
  { action: 'close', from: ['answered'], to: 'closed', who: DISPATCHERS },
  { action: 'reject', from: ['received', 'assigned'], to: 'rejected', who: DISPATCHERS },
];

/** Publishing a chosen answer, redacted (see redaction.ts), is the dispatchers' too. */
export const FEEDBACK_PUBLISHERS = DISPATCHERS;
/** Roles that reach the feedback pages of the staff workspace. */
export const FEEDBACK_ROLES: readonly Role[] = ['reform_officer', 'leader', 'head_of_unit', 'specialist'];

export interface FeedbackActor {
  userId: string;
  grants: readonly { role: Role; unitId: string }[];
}

export interface FeedbackSubject {
  /** The case's agency and every unit above it. */
  agencyChain: readonly string[];
  /** The assigned unit and every unit above it (empty while unassigned). */
  unitChain: readonly string[];
  assigneeId: string | null;
}

function fits(rule: FeedbackTransition['who'][number], actor: FeedbackActor, s: FeedbackSubject): boolean {
  if (rule.scope === 'assignee') return s.assigneeId !== null && s.assigneeId === actor.userId;
  const chain = rule.scope === 'agency' ? s.agencyChain : s.unitChain;
  return actor.grants.some((g) => g.role === rule.role && chain.includes(g.unitId));
}

/** Whether the actor may take part in feedback of this agency at all (read its cases). */
export function feedbackReader(actor: FeedbackActor, s: FeedbackSubject): boolean {
  return (
    FEEDBACK_TRANSITIONS.some((t) => t.who.some((rule) => fits(rule, actor, s))) ||
    actor.grants.some((g) => g.role === 'specialist' && s.unitChain.includes(g.unitId))
  );
}

export type FeedbackDecision =
  | { ok: true; to: FeedbackState }
  | { ok: false; reason: 'feedback_action_not_allowed' | 'feedback_wrong_state' };

/** The transition an action takes from a state, if the actor may take it. */
export function decideFeedback(
  state: FeedbackState,
  action: FeedbackAction,
  actor: FeedbackActor,
  subject: FeedbackSubject,
): FeedbackDecision {
  const rows = FEEDBACK_TRANSITIONS.filter((t) => t.action === action);
  const row = rows.find((t) => t.from.includes(state));
  if (!row) return { ok: false, reason: 'feedback_wrong_state' };
  if (!row.who.some((rule) => fits(rule, actor, subject)))
    return { ok: false, reason: 'feedback_action_not_allowed' };
  return { ok: true, to: row.to };
}

export function mayPublishFeedback(actor: FeedbackActor, subject: FeedbackSubject): boolean {
  return FEEDBACK_PUBLISHERS.some((rule) => fits(rule, actor, subject));
}

/** The actions open to the actor on a case in a state, for the page's buttons. */
export function openFeedbackActions(
  state: FeedbackState,
  actor: FeedbackActor,
  subject: FeedbackSubject,
): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => decideFeedback(state, a, actor, subject).ok);
}

/** Working days an answer is due in (Decision 766, 5.2). */
export const FEEDBACK_ANSWER_WORKING_DAYS = 15;

/** The answer's deadline: 15 working days after receipt, on the agency's calendar. */
export function feedbackDeadline(receivedAt: Date, cal: CalendarConfig): Date {
  return addWorkingDays(receivedAt, FEEDBACK_ANSWER_WORKING_DAYS, cal);
}

export type FeedbackTimeliness = 'on_time' | 'late';

/** An answer given by its deadline is on time; later, late. */
export function feedbackTimeliness(answeredAt: Date, dueAt: Date): FeedbackTimeliness {
  return answeredAt.getTime() <= dueAt.getTime() ? 'on_time' : 'late';
}

/** Case references: PA-YYMMDD-NNNN, the day of receipt in Vietnam and the agency's count that day. */
export function feedbackReference(vietnamDay: string, sequence: number): string {
  return `PA-${vietnamDay.slice(2).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
