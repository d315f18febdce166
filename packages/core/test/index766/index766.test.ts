import { describe, expect, it } from 'vitest';
import {
  type CatalogueVersion,
  type Form06Numbers,
  INDEX766_GROUPS,
  INDEX766_INDICATORS,
  index766Measurements,
  index766PeriodRange,
  index766Result,
  index766Settings,
  indicatorPoints,
} from '../../src/index.ts';

const report = (n: Partial<Form06Numbers>): Form06Numbers => ({
  receivedTotal: 0,
  receivedOnline: 0,
  receivedDirect: 0,
  carriedOver: 0,
  resolvedTotal: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  pendingTotal: 0,
  pendingInTime: 0,
  pendingOverdue: 0,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
  ...n,
});

const version = (id: string, from: string, v: Partial<CatalogueVersion> = {}): CatalogueVersion => ({
  procedureId: id,
  from,
  inForce: true,
  fullyOnline: false,
  offeredOnline: false,
  hasInternalProcess: false,
  complete: true,
  ...v,
});

describe('the Decision 766 table', () => {
  it('sums to 100 points in the portal’s six groups', () => {
    for (const g of INDEX766_GROUPS)
      expect(
        INDEX766_INDICATORS.filter((i) => i.group === g.group).reduce((s, i) => s + i.points, 0),
        g.group,
      ).toBe(g.points);
    expect(INDEX766_GROUPS.reduce((s, g) => s + g.points, 0)).toBe(100);
  });
});

describe('scoring a sub-indicator', () => {
  it('gives R / target × points below the target', () => {
    expect(indicatorPoints(45, 50, 6)).toBe(5.4);
    expect(indicatorPoints(0, 80, 6)).toBe(0);
  });
  it('gives full points at or above the target', () => {
    expect(indicatorPoints(50, 50, 6)).toBe(6);
    expect(indicatorPoints(72, 50, 6)).toBe(6);
  });
});

describe('the index of a period', () => {
  // 2.1: 10 resolved (6 early, 2 on time, 2 late) and 5 open (4 in time, 1 overdue): 12 / 15 = 80%.
  // 3.3: 9 online of 20 received (carried over left out): 45% against 50% → 5.4 of 6.
  const may = report({
    receivedOnline: 9,
    receivedDirect: 11,
    carriedOver: 3,
    receivedTotal: 23,
    resolvedEarly: 6,
    resolvedOnTime: 2,
    resolvedLate: 2,
    resolvedTotal: 10,
    pendingTotal: 5,
    pendingInTime: 4,
    pendingOverdue: 1,
    refused: 8,
  });
  // 4 procedures in force on 31/05: a (partly online), b (fully online, incomplete), c (none);
  // d was abolished on 20/05; e takes effect in June.
  const catalogue = [
    version('a', '2025-01-01'),
    version('a', '2026-03-01', { offeredOnline: true }),
    version('b', '2025-01-01', { offeredOnline: true, fullyOnline: true, complete: false }),
    version('c', '2025-01-01'),
    version('d', '2025-01-01', { offeredOnline: true }),
    version('d', '2026-05-20', { inForce: false }),
    version('e', '2026-06-01', { offeredOnline: true }),
  ];
  // Feedback: 4 received, 2 answered on time, 1 open and in time; 2 answer ratings, 1 negative.
  // One resolved dossier was rated "not satisfied".
  const satisfaction = {
    feedback: { received: 4, answeredOnTime: 2, openInTime: 1, answerRatings: 2, answerRatingsNegative: 1 },
    negativeDossiers: 1,
  };
  // 4.1: 7 results signed of 10 resolved = 70% against 100% → 4.2 of 6;
  // 4.2: 12 dossiers digitised of 20 received = 60% against 80% → 3 of 4.
  const electronic = { signed: 7, digitised: 12 };
  const result = index766Result(index766Measurements(may, catalogue, '2026-05-31', satisfaction, electronic));
  const one = (code: string) => result.indicators.find((i) => i.code === code)!;

  it('scores 2.1 from early, on time and in time over resolved and open', () => {
    expect(one('2.1')).toMatchObject({
      status: 'measured',
      numerator: 12,
      denominator: 15,
      rate: 80,
      score: 16,
    });
  });
  it('scores 3.3 from online over received in the period', () => {
    expect(one('3.3')).toMatchObject({ numerator: 9, denominator: 20, rate: 45, target: 50, score: 5.4 });
  });
  it('scores 3.1 and 1.3 from the catalogue in force on the last day', () => {
    // 2 of 3 offered online: 66.67% against 80% → 5 of 6 points.
    expect(one('3.1')).toMatchObject({ numerator: 2, denominator: 3, rate: 66.67, score: 5 });
    expect(one('1.3')).toMatchObject({ numerator: 2, denominator: 3, rate: 66.67, score: 1.33 });
  });
  it('says why the rest is not measured, and scores it neither zero nor full', () => {
    expect(one('3.5')).toMatchObject({
      status: 'notMeasured',
      reason: { vi: 'Hệ thống chưa quản lý thanh toán trực tuyến' },
    });
    expect(one('3.5')).not.toHaveProperty('score');
    const measured = result.indicators.filter((i) => i.status === 'measured').map((i) => i.code);
    expect(measured).toEqual(['1.3', '2.1', '3.1', '3.3', '4.1', '4.2', '5.2', '5.3', '5.4']);
  });
  it('scores 5.2, 5.3 and 5.4 from the feedback cases and the ratings', () => {
    // 5.2: (2 on time + 1 open in time) / 4 received = 75% of 100% → 4.5 of 6.
    expect(one('5.2')).toMatchObject({ numerator: 3, denominator: 4, rate: 75, score: 4.5 });
    // 5.3: 1 of 2 answer ratings not negative = 50% → 3 of 6.
    expect(one('5.3')).toMatchObject({ numerator: 1, denominator: 2, rate: 50, score: 3 });
    // 5.4: 100% − (2 late + 1 rated not satisfied) / 10 resolved = 70% of 90% → 4.67 of 6.
    expect(one('5.4')).toMatchObject({ numerator: 7, denominator: 10, rate: 70, target: 90, score: 4.67 });
  });
  it('scores 4.1 from signed results over resolved and 4.2 from digitised over received', () => {
    expect(one('4.1')).toMatchObject({
      status: 'measured',
      numerator: 7,
      denominator: 10,
      rate: 70,
      score: 4.2,
    });
    expect(one('4.2')).toMatchObject({
      status: 'measured',
      numerator: 12,
      denominator: 20,
      rate: 60,
      score: 3,
    });
  });

  it('reads each group and the total as x of the measured maximum, with the unmeasured points apart', () => {
    const online = result.groups.find((g) => g.group === 'online')!;
    expect(online).toMatchObject({ maxPoints: 12, measuredMax: 12, score: 10.4, unmeasuredPoints: 0 });
    const publicity = result.groups.find((g) => g.group === 'publicity')!;
    expect(publicity).toMatchObject({ maxPoints: 18, measuredMax: 2, score: 1.33, unmeasuredPoints: 16 });
    expect(result.total).toEqual({ maxPoints: 100, measuredMax: 62, score: 47.1, unmeasuredPoints: 38 });
  });
  it('does not score a rate with nothing to count', () => {
    const none = {
      received: 0,
      answeredOnTime: 0,
      openInTime: 0,
      answerRatings: 0,
      answerRatingsNegative: 0,
    };
    const empty = index766Result(
      index766Measurements(
        report({}),
        [],
        '2026-05-31',
        { feedback: none, negativeDossiers: 0 },
        { signed: 0, digitised: 0 },
      ),
    );
    expect(empty.indicators.find((i) => i.code === '2.1')).toMatchObject({ status: 'notMeasured' });
    expect(empty.total.measuredMax).toBe(0);
  });
});

describe('targets and points as data', () => {
  it('lays the agency’s override over the national one over the default', () => {
    const settings = index766Settings(
      [{ code: '3.3', target: 60, points: null }],
      [{ code: '3.3', target: null, points: 8 }],
    );
    expect(settings.find((s) => s.code === '3.3')).toEqual({ code: '3.3', target: 60, points: 8 });
    const r = index766Result({ '3.3': { kind: 'measured', numerator: 45, denominator: 100 } }, settings);
    // 45% against 60% with 8 points → 6.
    expect(r.indicators.find((i) => i.code === '3.3')).toMatchObject({ score: 6, points: 8 });
  });
});

describe('periods', () => {
  it('gives the first and last day of a month, a quarter and a year', () => {
    expect(index766PeriodRange('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(index766PeriodRange('quarter', 2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(index766PeriodRange('year', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
