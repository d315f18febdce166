import {
  electronicResultMeasures,
  type Form06Numbers,
  type Index766IndicatorView,
  type Index766Response,
  satisfactionWithHandling,
} from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { at, counter, importScenario, processed } from './support/import-scenario.ts';

/**
 * The Decision 766 index (DOMAIN.md §7) on the edges index766.test.ts does not reach, from a history
 * written by hand and imported through the history import, read through GET /api/v1/reports/766:
 * month, quarter and year boundaries in Vietnam time, a rate of 0 (measured, 0 points) against a
 * denominator of 0 (not measured, with why, no score), full points capped at the target, and
 * targets and points an administrator edits. Every expected number is worked out by hand below.
 *
 * Sub-indicators measured from dossiers (each a rate R, full points when R ≥ target, else
 * R / target × points, two decimals):
 * - 2.1 = (resolved early + on time + open and in time at the end) / (resolved + open at the end),
 *   target 100%, 20 points (refused, withdrawn, stopped are in neither);
 * - 3.3 = received online / received in the period (carried over left out), target 50%, 6 points;
 * - 5.4 = 100% − (late rate + rate with a complaint or a negative rating), over the resolved,
 *   target 90%, 6 points; the history import brings no ratings or complaints, so over dossiers
 *   resolved before their import it is not measured (the late rate shown as the part counted);
 * - 4.1, 4.2 likewise: the import brings no documents or results.
 *
 * Procedure 1.014199, ten working days; received at 09:00, due at 09:00 on the tenth working day
 * after. 2026: Tết off 16-20 Feb; 2 Jan off (swapped with Saturday 10 Jan).
 */

const DOSSIERS = [
  // Received Mon 5 Jan, due in mid-January; processed Tue 31 Mar 23:30 (16:30 UTC): overdue at the
  // end of January and February, late in March and the first quarter.
  counter('M1', at('01-05'), [processed('03-31', '23:30')]),
  // Received Mon 9 Feb; refused Wed 11 Feb: in neither side of 2.1, received for 3.3.
  counter('M5', at('02-09'), [processed('02-11', '10:00', 'refused')]),
  // Received Thu 12 Feb; due Thu 5 Mar (13 Feb, 23-27 Feb, 2-5 Mar); processed Tue 10 Mar: in time
  // at the end of February, late in March.
  counter('M6', at('02-12'), [processed('03-10')]),
  // Received Mon 2 Mar, due Mon 16 Mar; processed Mon 16 Mar 15:00: on time.
  counter('M3', at('03-02'), [processed('03-16', '15:00')]),
  // Online, received Mon 23 Mar, due Mon 6 Apr; processed Fri 3 Apr: in time at the end of March, early in April.
  counter('M4', at('03-23'), [processed('04-03')], {
    channel: 'online',
    receivingUnitCode: undefined,
    submittedAt: at('03-23', '08:00'),
  }),
  // Received Wed 1 Apr 00:30 Vietnam time (31 Mar in UTC); processed Thu 2 Apr: April and the second quarter.
  counter('M2', at('04-01', '00:30'), [processed('04-02')]),
];

describe('4.1, 4.2 and 5.4 beside imported dossiers', () => {
  it('leaves the imported ones out of the denominators and keeps the live ones', () => {
    // Five resolved of which three imported (before their import), one live result signed: 1 of 2.
    // Four received of which one imported, two digitised: 2 of 3.
    const n = { resolvedTotal: 5, receivedOnline: 1, receivedDirect: 3 } as Form06Numbers;
    const m = electronicResultMeasures(n, {
      signed: 1,
      digitised: 2,
      imported: { received: 1, resolved: 3, resolvedLate: 1 },
    });
    expect(m['4.1']).toEqual({ kind: 'measured', numerator: 1, denominator: 2 });
    expect(m['4.2']).toEqual({ kind: 'measured', numerator: 2, denominator: 3 });
    // 5.4 over the two live ones: one of them late (two late in all, one imported), no complaint: 1 of 2.
    const live = satisfactionWithHandling({ ...n, resolvedLate: 2 }, 0, {
      received: 1,
      resolved: 3,
      resolvedLate: 1,
    });
    expect(live).toEqual({ kind: 'measured', numerator: 1, denominator: 2 });
    // Nothing imported and nothing resolved: 0 of 0, which the score calls "nothing to count".
    const none = electronicResultMeasures({ ...n, resolvedTotal: 0 }, { signed: 0, digitised: 0 });
    expect(none['4.1']).toEqual({ kind: 'measured', numerator: 0, denominator: 0 });
  });
});

describe.each(engines)('Decision 766 index on the edges, from an imported history, on %s', (engine) => {
  let t: TestApp;
  let leader: TestClient;
  let admin: TestClient;
  let agencyId: string;

  const index = async (query: string) => {
    const res = await leader.request({ url: `/api/v1/reports/766?agency=${agencyId}&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Index766Response;
  };
  const one = (r: Index766Response, code: string) => r.indicators.find((i) => i.code === code)!;
  const measured = (numerator: number, denominator: number, rate: number, score: number) => ({
    status: 'measured',
    numerator,
    denominator,
    rate,
    score,
  });

  beforeAll(async () => {
    ({ t, agencyId, admin, leader } = await importScenario(engine, DOSSIERS));
  }, 60_000);
  afterAll(() => t.close());

  it('scores a rate of 0 as 0 points, and a denominator of 0 as not measured with why (January)', async () => {
    // January: M1 received at the counter, open and overdue at the end; nothing resolved.
    const jan = await index('period=month&year=2026&index=1');
    expect(jan).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
    expect(one(jan, '2.1')).toMatchObject(measured(0, 1, 0, 0));
    expect(one(jan, '3.3')).toMatchObject(measured(0, 1, 0, 0));
    // Nothing resolved: 5.4 has nothing to count; neither 0 nor 6 points.
    const s54 = one(jan, '5.4') as Extract<Index766IndicatorView, { status: 'notMeasured' }>;
    expect(s54.status).toBe('notMeasured');
    expect(s54).not.toHaveProperty('score');
    expect(s54.reason.vi).toContain('mẫu số bằng 0');
    const satisfaction = jan.groups.find((g) => g.group === 'satisfaction')!;
    expect(satisfaction.measuredMax + satisfaction.unmeasuredPoints).toBe(18);
    expect(satisfaction.measuredMax).not.toBeGreaterThan(12);
  });

  it('counts February: a refusal in neither side of 2.1, a dossier due in March in time', async () => {
    // Carried over M1 (overdue); received M5, M6 at the counter; M5 refused; open M1 overdue, M6 in time.
    const feb = await index('period=month&year=2026&index=2');
    expect(one(feb, '2.1')).toMatchObject(measured(1, 2, 50, 10));
    expect(one(feb, '3.3')).toMatchObject(measured(0, 2, 0, 0));
  });

  it('ends March at midnight Vietnam time: a dossier processed at 23:30 on 31 Mar is in it, one received at 00:30 on 1 Apr is not', async () => {
    // Carried over M1, M6; received M3 (counter), M4 (online). Resolved M1 late, M6 late, M3 on time;
    // open M4 in time. 2.1 = (M3 + M4) / (3 + 1) = 50% → 10 of 20. 3.3 = 1 / 2 = 50% ≥ 50% → 6 of 6,
    // not more. 5.4 = 100% − 2/3 late = 33.33% → 33.33 / 90 × 6 = 2.22.
    const mar = await index('period=month&year=2026&index=3');
    expect(one(mar, '2.1')).toMatchObject(measured(2, 4, 50, 10));
    expect(one(mar, '3.3')).toMatchObject(measured(1, 2, 50, 6));
    // 5.4: the three resolved came by the history import, without their ratings and complaints:
    // not measured, with why, and the late rate 2/3 shown as the part counted (before the fix:
    // 100% − 66.67% = 33.33%, scored as if no citizen had complained).
    expect(one(mar, '5.4')).toMatchObject({
      status: 'notMeasured',
      partial: { numerator: 2, denominator: 3, rate: 66.67 },
    });
    expect((one(mar, '5.4') as { reason: { vi: string } }).reason.vi).toContain('chuyển từ hệ thống cũ');
    // 4.1 and 4.2: every dossier of March came by the history import, which brings no documents nor
    // results: the system does not hold whether they were digitised or had an electronic result, so
    // not measured, with why (before the fix: 0 of 3 and 0 of 2, scored 0).
    for (const code of ['4.1', '4.2']) {
      const s = one(mar, code) as Extract<Index766IndicatorView, { status: 'notMeasured' }>;
      expect(s.status, code).toBe('notMeasured');
      expect(s, code).not.toHaveProperty('score');
      expect(s.reason.vi, code).toContain('chuyển từ hệ thống cũ');
    }
    // April: carried over M4; received M2 at the counter; both early, nothing open: full 20;
    // 3.3 = 0 / 1; 5.4 not measured (imported), late rate 0 of 2.
    const apr = await index('period=month&year=2026&index=4');
    expect(one(apr, '2.1')).toMatchObject(measured(2, 2, 100, 20));
    expect(one(apr, '3.3')).toMatchObject(measured(0, 1, 0, 0));
    expect(one(apr, '5.4')).toMatchObject({
      status: 'notMeasured',
      partial: { numerator: 0, denominator: 2, rate: 0 },
    });
  });

  it('counts a quarter as one period, not as the sum of its months', async () => {
    // Q1: received M1, M5, M6, M3 at the counter and M4 online = 5, nothing carried over. Resolved
    // M1, M6 late and M3 on time; M5 refused; open M4 in time. 2.1 = 2 / 4 = 50% → 10; 3.3 = 1/5 =
    // 20% → 20 / 50 × 6 = 2.4; 5.4 not measured, late rate 2/3.
    const q1 = await index('period=quarter&year=2026&index=1');
    expect(q1).toMatchObject({ from: '2026-01-01', to: '2026-03-31', period: 'quarter', index: 1 });
    expect(one(q1, '2.1')).toMatchObject(measured(2, 4, 50, 10));
    expect(one(q1, '3.3')).toMatchObject(measured(1, 5, 20, 2.4));
    expect(one(q1, '5.4')).toMatchObject({
      status: 'notMeasured',
      partial: { numerator: 2, denominator: 3 },
    });
    // Q2: as April.
    const q2 = await index('period=quarter&year=2026&index=2');
    expect(q2).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(one(q2, '2.1')).toMatchObject(measured(2, 2, 100, 20));
    expect(one(q2, '3.3')).toMatchObject(measured(0, 1, 0, 0));
  });

  it('counts the year: six received, five resolved, none open', async () => {
    // Received all six, one online. Resolved M2, M4 early, M3 on time, M1, M6 late; M5 refused.
    // 2.1 = 3/5 = 60% → 12; 3.3 = 1/6 = 16.67% → 16.67 / 50 × 6 = 2; 5.4 not measured, late 2/5 = 40%.
    const year = await index('period=year&year=2026');
    expect(year).toMatchObject({ from: '2026-01-01', period: 'year', index: 1 });
    expect(one(year, '2.1')).toMatchObject(measured(3, 5, 60, 12));
    expect(one(year, '3.3')).toMatchObject(measured(1, 6, 16.67, 2));
    expect(one(year, '5.4')).toMatchObject({
      status: 'notMeasured',
      partial: { numerator: 2, denominator: 5, rate: 40 },
    });
  });

  it('says not measured, with why, for a month with nothing at all (July): never 0, never full marks', async () => {
    const jul = await index('period=month&year=2026&index=7');
    for (const code of ['2.1', '3.3', '5.4']) {
      const s = one(jul, code) as Extract<Index766IndicatorView, { status: 'notMeasured' }>;
      expect(s.status, code).toBe('notMeasured');
      expect(s, code).not.toHaveProperty('score');
      expect(s.reason.vi, code).toContain('mẫu số bằng 0');
      expect(s.reason.en, code).toContain('denominator is 0');
    }
    expect(jul.groups.find((g) => g.group === 'progress')).toMatchObject({
      maxPoints: 20,
      measuredMax: 0,
      score: 0,
      unmeasuredPoints: 20,
    });
  });

  it('refuses a month 13, a quarter 5 and a period not yet begun with a Problem a person can act on', async () => {
    const problem = async (query: string, lang: 'vi' | 'en') => {
      const res = await leader.request({
        url: `/api/v1/reports/766?agency=${agencyId}&${query}`,
        headers: { 'accept-language': lang },
      });
      return { status: res.statusCode, code: res.json().code, text: JSON.stringify(res.json()) };
    };
    const month13 = await problem('period=month&year=2026&index=13', 'vi');
    expect(month13.status).toBe(400);
    const quarter5 = await problem('period=quarter&year=2026&index=5', 'vi');
    expect(quarter5.status).toBe(400);
    expect(quarter5.text).not.toContain('invalid_period_index');
    expect(quarter5.text).toContain('một năm có 4 quý');
    expect((await problem('period=quarter&year=2026&index=5', 'en')).text).toContain('a year has 4 quarters');
    // Before the fix: "the end of the report period must be on or after its start", about dates the
    // person never typed.
    const future = await problem('period=year&year=2099', 'vi');
    expect(future).toMatchObject({ status: 400, code: 'report_period_not_started' });
    expect(future.text).toContain('chưa bắt đầu');
    expect((await problem('period=month&year=2099&index=1', 'en')).text).toContain('has not begun');
  });

  it('scores with the target and points an administrator edits: national, then the agency’s own', async () => {
    const put = (id: string | null, year: number, overrides: unknown[]) =>
      admin.request({
        method: 'PUT',
        url: '/api/v1/admin/index766/targets',
        payload: { agencyId: id, year, overrides },
      });
    // National 2026: 2.1 target 50%, 10 points. March's 50% now reaches the target: full 10.
    expect((await put(null, 2026, [{ code: '2.1', target: 50, points: 10 }])).statusCode).toBe(200);
    let mar = await index('period=month&year=2026&index=3');
    expect(one(mar, '2.1')).toMatchObject({ target: 50, points: 10, ...measured(2, 4, 50, 10) });
    expect(mar.groups.find((g) => g.group === 'progress')).toMatchObject({ maxPoints: 10, score: 10 });
    // The agency's own target 80% over the national points: 50 / 80 × 10 = 6.25.
    expect((await put(agencyId, 2026, [{ code: '2.1', target: 80, points: null }])).statusCode).toBe(200);
    mar = await index('period=month&year=2026&index=3');
    expect(one(mar, '2.1')).toMatchObject({ target: 80, points: 10, score: 6.25 });
    // The agency's settings of another year leave 2026 alone; 2025 keeps the defaults.
    expect((await put(agencyId, 2025, [{ code: '2.1', target: 60, points: 5 }])).statusCode).toBe(200);
    expect(one(await index('period=month&year=2026&index=3'), '2.1')).toMatchObject({
      target: 80,
      score: 6.25,
    });
    // Taking the agency's override back restores the national one.
    expect((await put(agencyId, 2026, [])).statusCode).toBe(200);
    expect(one(await index('period=month&year=2026&index=3'), '2.1')).toMatchObject({
      target: 50,
      score: 10,
    });
  });
});
