import type { CalendarConfig } from '../../src/calendar/index.ts';
import {
  type DecisionContext,
  type DossierAction,
  type DossierActor,
  type DossierEvent,
  type DossierProcedure,
  type DossierSnapshot,
  decide,
  isEventOf,
  SYSTEM_ACTOR,
} from '../../src/dossier/index.ts';
import { CAL_2026, vn } from '../calendar/fixtures.ts';

export { CAL_2026, local, vn } from '../calendar/fixtures.ts';

/** A typical procedure: 3 working days, an ISO process of five steps that add up to 24 h. */
export const PROCEDURE: DossierProcedure = {
  code: '1.001653',
  processingTime: { value: 3, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận hồ sơ', role: 'counter_officer', hours: 4 },
    { name: 'Thẩm định hồ sơ', role: 'specialist', hours: 12 },
    { name: 'Xem xét, trình ký', role: 'head_of_unit', hours: 4 },
    { name: 'Ký duyệt', role: 'leader', hours: 2 },
    { name: 'Trả kết quả', role: 'counter_officer', hours: 2 },
  ],
  requiredDocuments: ['Tờ khai đề nghị', 'Bản sao Căn cước công dân'],
};

export const CHECKLIST = PROCEDURE.requiredDocuments.map((document) => ({ document, received: true }));

export const ACTORS = {
  citizen: { id: 'citizen-1', roles: ['citizen'] },
  otherCitizen: { id: 'citizen-2', roles: ['citizen'] },
  counter: { id: 'counter-1', roles: ['counter_officer'] },
  specialist: { id: 'specialist-1', roles: ['specialist'] },
  otherSpecialist: { id: 'specialist-2', roles: ['specialist'] },
  head: { id: 'head-1', roles: ['head_of_unit'] },
  leader: { id: 'leader-1', roles: ['leader'] },
  reformOfficer: { id: 'reform-1', roles: ['reform_officer'] },
  system: SYSTEM_ACTOR,
} satisfies Record<string, DossierActor>;

export type ActorName = keyof typeof ACTORS;

export function ctxAt(localTime: string, calendar: CalendarConfig = CAL_2026): DecisionContext {
  return { now: vn(localTime), calendar, supplementLimitWorkingDays: 15 };
}

/** One command of a scripted story: when (Vietnam time), what, who, with what. */
export type Play = [at: string, action: DossierAction, actor: ActorName, input?: unknown];

/** Runs a story from nothing (or a snapshot) and fails loudly, with the reason, on any refusal. */
export function play(
  plays: readonly Play[],
  start: DossierSnapshot | null = null,
  calendar: CalendarConfig = CAL_2026,
): { dossier: DossierSnapshot; events: DossierEvent[] } {
  let dossier = start;
  const events: DossierEvent[] = [];
  for (const [at, action, actor, input] of plays) {
    const result = decide(dossier, { action, actor: ACTORS[actor], input }, ctxAt(at, calendar));
    if (!result.ok)
      throw new Error(`${at} ${action} by ${actor} refused: ${result.code}: ${result.message.en}`);
    dossier = result.next;
    events.push(result.event);
  }
  if (!dossier) throw new Error('empty story');
  return { dossier, events };
}

/** Receipt at the counter, the usual first line of a story. */
export const receiveAt = (at: string, procedure: DossierProcedure = PROCEDURE): Play => [
  at,
  'receive',
  'counter',
  { procedure, channel: 'counter', applicantId: 'citizen-1', checklist: CHECKLIST },
];

/** Through every work step to the leader, each a minute apart from `at` (HH:MM on the day given). */
export function toApproval(day: string, hour = '10'): Play[] {
  return [
    [`${day}T${hour}:00`, 'forward_step', 'counter'],
    [`${day}T${hour}:01`, 'forward_step', 'specialist'],
    [`${day}T${hour}:02`, 'forward_step', 'head'],
  ];
}

export const GRANT = { outcome: 'granted' } as const;

/** An event of a known action, typed by it (fails the test when it is another one). */
export function eventOf<A extends DossierAction>(
  event: DossierEvent | undefined,
  action: A,
): Extract<DossierEvent, { action: A }> {
  if (!event || !isEventOf(event, action))
    throw new Error(`expected a ${action} event, got ${event?.action}`);
  return event;
}
