import type { DossierAction, DossierSnapshot } from '@motcua/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../src/calendar/store.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { NUMBERS, type Numbers, recount } from './support/recount06.ts';
import {
  act,
  type Channel,
  type Office,
  openOffice,
  receiveDossier,
  snapshotOf,
} from './support/report06.ts';

/**
 * Biểu số 06 read from the counters equals a full recount from the dossier table, over random
 * histories driven through the engine and random periods. The recount is deliberately
 * plain (support/recount06.ts): for each dossier, `classify` at the period's last instant.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Actions a random walk tries, each with an input made at the instant it runs. */
const MOVES: [DossierAction, (s: DossierSnapshot, now: Date, k: number) => Record<string, unknown>][] = [
  ['receive', () => ({ checklist: [] })],
  ['forward_step', () => ({ note: 'Chuyển bước' })],
  ['forward_step', () => ({ note: 'Chuyển bước' })],
  ['submit_for_approval', () => ({})],
  ['approve', () => ({ outcome: 'granted' })],
  ['approve', () => ({ outcome: 'refused', reason: 'Không đủ điều kiện' })],
  ['return_result', () => ({ channel: 'counter' })],
  ['request_supplement', () => ({ items: [{ description: 'Bản sao CCCD', reason: 'Thiếu' }] })],
  ['receive_supplement', () => ({ documents: ['Bản sao CCCD'] })],
  ['request_payment', () => ({ items: [{ name: 'Lệ phí', amountVnd: 100_000 }] })],
  ['confirm_payment', () => ({})],
  ['send_inter_agency', () => ({ agency: 'Sở Tài chính' })],
  ['receive_inter_agency', () => ({})],
  [
    'extend',
    (s, _now, k) => ({
      reason: 'Cần xác minh',
      newDueAt: new Date((s.dueAt ? Date.parse(s.dueAt) : _now.getTime()) + k * DAY).toISOString(),
    }),
  ],
  ['request_withdrawal', () => ({ reason: 'Người nộp xin rút' })],
  ['accept_withdrawal', () => ({})],
  ['reject_withdrawal', () => ({ reason: 'Đã có kết quả' })],
  ['stop', () => ({ reason: 'Dừng theo đề nghị' })],
  ['close_unsupplemented', () => ({})],
];

const stepArb = fc.record({
  gapHours: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 24, max: 24 * 25 })),
  move: fc.nat({ max: MOVES.length - 1 }),
  k: fc.integer({ min: 1, max: 10 }),
});
const dossierArb = fc.record({
  startHours: fc.integer({ min: 0, max: 24 * 120 }),
  channel: fc.constantFrom<Channel>('counter', 'post', 'online'),
  procedure: fc.nat(),
  steps: fc.array(stepArb, { maxLength: 7 }),
});
const periodArb = fc.record({
  fromDays: fc.integer({ min: -5, max: 150 }),
  lengthDays: fc.integer({ min: 0, max: 60 }),
});

describe('Biểu số 06 from counters, against a recount of the dossiers and the drill-down of every cell (pglite)', () => {
  let t: TestApp;
  let o: Office;
  let leader: TestClient;
  const BASE = Date.parse('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    t = await startTestApp('pglite', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    o = await openOffice(t.db, t.ctx);
    leader = t.client();
    expect((await leader.login('lanhdao')).statusCode).toBe(200);
  }, 60_000);
  afterAll(() => t.close());

  const day = (offsetDays: number) => new Date(BASE + offsetDays * DAY + 7 * HOUR).toISOString().slice(0, 10);

  it('gives every column of every field as the recount and the drill-down do, for any history and period', async () => {
    const policy = (await loadCalendar(t.db, o.agencyId)).policy;
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossierArb, { minLength: 1, maxLength: 3 }),
        fc.array(periodArb, { minLength: 1, maxLength: 3 }),
        async (plans, periods) => {
          for (const plan of plans) {
            let now = BASE + plan.startHours * HOUR;
            o.at(new Date(now));
            const procedure = o.procedures[plan.procedure % o.procedures.length]!;
            const id = await receiveDossier(o, procedure, plan.channel);
            for (const step of plan.steps) {
              now += step.gapHours * HOUR;
              o.at(new Date(now));
              const s = await snapshotOf(o, id);
              const [action, input] = MOVES[step.move]!;
              await act(
                o,
                id,
                action,
                input(s, new Date(now), step.k),
                action === 'close_unsupplemented' ? 'system' : 'staff',
              );
            }
          }
          const dossiers = (
            await t.db.query<{ field_code: string; channel: string; snapshot: DossierSnapshot }>(
              'SELECT field_code, channel, snapshot FROM dossier WHERE agency_id = $1',
              [o.agencyId],
            )
          ).map((r) => ({ field: r.field_code, channel: r.channel, snapshot: r.snapshot }));
          for (const p of periods) {
            const from = day(p.fromDays);
            const to = day(p.fromDays + p.lengthDays);
            const res = await leader.request({
              url: `/api/v1/reports/06?from=${from}&to=${to}&agency=${o.agencyId}`,
            });
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json();
            const fromCounters = Object.fromEntries(
              body.rows.map((r: Numbers & { field: string }) => [
                r.field,
                Object.fromEntries(NUMBERS.map((n) => [n, r[n]])),
              ]),
            );
            expect(fromCounters, `${from}..${to}`).toEqual(recount(dossiers, from, to));
            expect(body.problems).toEqual([]);
            // The drill-down of every cell, each field's and the totals', lists as many dossiers
            // as the cell says (for each history's first period, to keep the run short).
            if (p !== periods[0]) continue;
            const cells: [string | null, Numbers][] = [
              [null, body.totals],
              ...body.rows.map((r: Numbers & { field: string }) => [r.field, r] as [string, Numbers]),
            ];
            for (const [field, numbers] of cells)
              for (const column of NUMBERS) {
                const url = `/api/v1/reports/06/dossiers?from=${from}&to=${to}&agency=${o.agencyId}&column=${column}&pageSize=1${field ? `&field=${field}` : ''}`;
                const drill = await leader.request({ url });
                expect(drill.statusCode, drill.body).toBe(200);
                expect(drill.json().total, `${url}`).toBe(numbers[column]);
              }
          }
          void policy;
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
