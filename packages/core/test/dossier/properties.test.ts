import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atRisk,
  atRiskFrom,
  availableActions,
  classify,
  DECISION_766_POLICY,
  DOSSIER_ACTIONS,
  type DossierAction,
  type DossierActor,
  type DossierProcedure,
  type DossierSnapshot,
  decide,
  dossierSnapshotSchema,
  isTerminalState,
  overdueFrom,
  TRANSITIONS,
} from '../../src/index.ts';
import { ACTORS, CAL_2026, CHECKLIST, PROCEDURE } from './fixtures.ts';

const ALL_ACTORS: DossierActor[] = Object.values(ACTORS);
const ALL_ROLES = [...new Set(ALL_ACTORS.flatMap((a) => a.roles))];
const DAY = 86_400_000;

const PROCEDURES: DossierProcedure[] = [
  PROCEDURE,
  { ...PROCEDURE, steps: [] },
  { ...PROCEDURE, processingTime: { value: 8, unit: 'working_hours' } },
  { ...PROCEDURE, processingTime: { value: 15, unit: 'calendar_days' } },
  { ...PROCEDURE, processingTime: { value: 0, unit: 'working_days' } },
  { ...PROCEDURE, steps: [{ name: 'Xử lý', role: 'specialist', hours: 8 }] },
];

/** Inputs for each action: mostly valid ones, a few invalid, some for the other row of the action. */
function inputsFor(action: DossierAction, now: Date, procedure: DossierProcedure, days: number): unknown[] {
  const reason = { reason: 'Lý do' };
  switch (action) {
    case 'submit_online':
      return [{ procedure }];
    case 'receive':
      return [
        { procedure, channel: 'counter', applicantId: 'citizen-1', checklist: CHECKLIST },
        { checklist: CHECKLIST },
        { checklist: [] },
      ];
    case 'refuse':
      return [{ procedure, channel: 'post', reason: 'Sai thẩm quyền' }, reason];
    case 'assign':
      return [{ assigneeId: 'specialist-1' }, { assigneeId: 'specialist-2' }];
    case 'request_supplement':
      return [{ items: [{ description: 'Giấy tờ', reason: 'Thiếu' }] }, { items: [] }];
    case 'receive_supplement':
      return [{ documents: ['Giấy tờ'] }];
    case 'request_payment':
      return [{ items: [{ name: 'Phí', amountVnd: 1000 }] }];
    case 'send_inter_agency':
      return [{ agency: 'Sở Tài chính' }];
    case 'approve':
      return [
        { outcome: 'granted' },
        { outcome: 'refused', reason: 'Không đủ điều kiện' },
        { outcome: 'refused' },
      ];
    case 'return_result':
      return [{ channel: 'online' }];
    case 'extend':
      return [{ reason: 'Chậm', newDueAt: new Date(now.getTime() + days * DAY).toISOString() }];
    case 'return_for_rework':
    case 'request_withdrawal':
    case 'reject_withdrawal':
    case 'stop':
      return [reason, {}];
    default:
      return [{}];
  }
}

/** One step of a random walk, resolved against the dossier at hand so that walks get deep. */
const stepArb = fc.record({
  minutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  pickAvailable: fc.integer({ min: 0, max: 9 }), // mostly an action the state allows, often one that moves on
  actionIndex: fc.nat(),
  rightActor: fc.integer({ min: 0, max: 9 }), // mostly someone in an allowed role
  actorIndex: fc.nat(),
  inputIndex: fc.nat(),
  days: fc.integer({ min: -3, max: 20 }),
});

interface WalkStep {
  minutes: number;
  pickAvailable: number;
  actionIndex: number;
  rightActor: number;
  actorIndex: number;
  inputIndex: number;
  days: number;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Actions that move a dossier towards its result, favoured so that walks get past reception. */
const MOVING_ON: readonly DossierAction[] = [
  'submit_online',
  'receive',
  'forward_step',
  'submit_for_approval',
  'approve',
  'return_result',
  'receive_supplement',
  'confirm_payment',
  'receive_inter_agency',
  'close_unsupplemented',
];

function commandFor(d: DossierSnapshot | null, s: WalkStep, now: Date, procedure: DossierProcedure) {
  const available = availableActions(d?.state ?? 'none', ALL_ROLES);
  const movingOn = available.filter((a) => MOVING_ON.includes(a));
  const choices =
    s.pickAvailable === 0 || available.length === 0
      ? DOSSIER_ACTIONS
      : s.pickAvailable >= 5 && movingOn.length > 0
        ? movingOn
        : available;
  const action = choices[s.actionIndex % choices.length]!;
  const allowedRoles = TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles);
  const fitting = ALL_ACTORS.filter((a) => a.roles.some((r) => allowedRoles.includes(r)));
  const pool = s.rightActor > 0 && fitting.length > 0 ? fitting : ALL_ACTORS;
  const actor = pool[s.actorIndex % pool.length]!;
  const inputs = inputsFor(action, now, procedure, s.days);
  return { action, actor, input: inputs[s.inputIndex % inputs.length] };
}

const walkArb = fc.record({
  start: fc.date({
    min: new Date('2025-12-01T00:00:00Z'),
    max: new Date('2026-11-30T00:00:00Z'),
    noInvalidDate: true,
  }),
  procedure: fc.constantFrom(...PROCEDURES),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});

/**
 * Plays a random walk and calls `check` after every command with the snapshot before it, its JSON
 * as it was before the call, and the result. Snapshots are frozen: changing one in place throws.
 */
function walk(
  w: { start: Date; procedure: DossierProcedure; steps: WalkStep[] },
  check: (before: DossierSnapshot | null, json: string, result: ReturnType<typeof decide>, now: Date) => void,
): DossierSnapshot | null {
  let d: DossierSnapshot | null = null;
  let now = w.start;
  for (const s of w.steps) {
    now = new Date(now.getTime() + s.minutes * 60_000);
    const command = commandFor(d, s, now, w.procedure);
    const json = JSON.stringify(d);
    const result = decide(d, command, { now, calendar: CAL_2026, supplementLimitWorkingDays: 15 });
    check(d, json, result, now);
    if (result.ok) d = deepFreeze(result.next);
  }
  return d;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

describe('lifecycle properties over random walks', () => {
  it('a terminal state is never left, and an accepted command follows a row of the table', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        walk(w, (before, _json, result) => {
          if (before && isTerminalState(before.state)) expect(result.ok).toBe(false);
          if (!result.ok) return;
          const { event, next } = result;
          expect(event.fromState).toBe(before?.state ?? null);
          expect(event.toState).toBe(next.state);
          const rows = TRANSITIONS.filter(
            (t) => t.action === event.action && t.from.includes(before?.state ?? 'none'),
          );
          expect(rows.length).toBeGreaterThan(0);
          const targets = rows.map((t) => (t.to === 'unchanged' ? before?.state : t.to));
          if (!rows.some((t) => t.to === 'previous')) expect(targets).toContain(next.state);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the appointment never precedes the counting start, nor the counting start the receipt', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        walk(w, (_before, _json, result) => {
          if (!result.ok) return;
          const d = result.next;
          if (d.dueAt !== null) {
            expect(ms(d.dueAt)!).toBeGreaterThanOrEqual(ms(d.countingStartAt)!);
            expect(ms(d.countingStartAt)!).toBeGreaterThanOrEqual(ms(d.receivedAt)!);
            expect(d.dueHistory.at(-1)?.dueAt).toBe(d.dueAt);
          }
          if (d.step) expect(ms(d.step.dueAt)!).toBeGreaterThanOrEqual(ms(d.step.startedAt)!);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a refused command changes nothing; an accepted one is deterministic and leaves its argument alone', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        walk(w, (before, json, result) => {
          expect(JSON.stringify(before)).toBe(json);
          if (!result.ok) {
            expect(result.code).toMatch(/^[a-z_]+$/);
            expect(result.message.vi && result.message.en).toBeTruthy();
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('every snapshot is valid JSON of its schema, with its records consistent', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        walk(w, (_before, _json, result, now) => {
          if (!result.ok) return;
          const d = result.next;
          expect(dossierSnapshotSchema.safeParse(JSON.parse(JSON.stringify(d))).success).toBe(true);
          expect(d.supplementRequests).toBe(d.pauses.filter((p) => p.kind === 'supplement').length);
          for (const kind of ['supplement', 'payment', 'inter_agency'] as const) {
            expect(d.pauses.filter((p) => p.kind === kind && p.endedAt === null).length).toBeLessThanOrEqual(
              1,
            );
          }
          const ended = ['refused', 'stopped', 'result_ready', 'returned'].includes(d.state);
          expect(d.endedAt !== null).toBe(ended);
          if (isTerminalState(d.state) || d.state === 'result_ready') {
            expect(d.pauses.every((p) => p.endedAt !== null)).toBe(true);
          }
          const timeliness = classify(d, now);
          if (d.receivedAt === null) expect(timeliness).toBeNull();
          else if (d.endedAt !== null) expect(['early', 'on_time', 'late']).toContain(timeliness);
          else expect(['in_time', 'overdue']).toContain(timeliness);
          if (d.extension) expect(d.dueHistory.filter((c) => c.cause === 'extension')).toHaveLength(1);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the same command on the same snapshot gives the same answer', () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        let d: DossierSnapshot | null = null;
        let now = w.start;
        for (const s of w.steps) {
          now = new Date(now.getTime() + s.minutes * 60_000);
          const command = commandFor(d, s, now, w.procedure);
          const ctx = { now, calendar: CAL_2026, supplementLimitWorkingDays: 15 };
          const a = decide(d, command, ctx);
          expect(decide(d, command, ctx)).toEqual(a);
          if (a.ok) d = a.next;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('overdueFrom and atRiskFrom say what classify and atRisk say at any later instant (both readings)', () => {
    const later = fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { minLength: 1, maxLength: 8 });
    const policy = fc.constantFrom(DECISION_766_POLICY, {
      ...DECISION_766_POLICY,
      endComparison: 'instant' as const,
    });
    fc.assert(
      fc.property(walkArb, later, policy, (w, minutes, p) => {
        const d = walk(w, () => {});
        if (!d) return;
        const overdue = overdueFrom(d, CAL_2026, p)?.getTime() ?? null;
        const risk = atRiskFrom(d, CAL_2026, p)?.getTime() ?? null;
        for (const m of [0, ...minutes]) {
          const t = ms(d.updatedAt)! + m * 60_000;
          const at = new Date(t);
          expect(classify(d, at, p) === 'overdue', `overdue at ${at.toISOString()}`).toBe(
            overdue !== null && t >= overdue,
          );
          expect(atRisk(d, at, CAL_2026, p), `at risk at ${at.toISOString()}`).toBe(
            risk !== null && t >= risk && (overdue === null || t < overdue),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
