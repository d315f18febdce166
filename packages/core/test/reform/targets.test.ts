import { describe, expect, it } from 'vitest';
import {
  catalogueShareSeries,
  onTimeRateSeries,
  reportedSeries,
  targetStanding,
  tasksOnTimeSeries,
  toPoints,
  trackedShareSeries,
  unitsInspectedSeries,
  unitsPlannedShare,
} from '../../src/index.ts';

const AT_LEAST_90 = { comparator: 'at_least', value: 90 } as const;

describe('the on-time rate from the dossier counters', () => {
  const counters = [
    { month: 1, metric: 'resolved_early', n: 6 },
    { month: 1, metric: 'resolved_on_time', n: 3 },
    { month: 1, metric: 'resolved_late', n: 1 },
    { month: 1, metric: 'received', n: 40 },
    { month: 3, metric: 'resolved_late', n: 10 },
    { month: 3, metric: 'ended_withdrawn', n: 5 },
  ];

  it('is cumulative from 1 January, counts early and on time as good, and ignores other ends', () => {
    const points = toPoints(onTimeRateSeries(counters, 2026, '2026-03-15'));
    expect(points.map((p) => p.value)).toEqual([90, 90, 45]);
    expect(points[2]).toMatchObject({ numerator: 9, denominator: 20 });
  });

  it('has no value before anything was resolved, and no months before the year starts', () => {
    expect(toPoints(onTimeRateSeries([], 2026, '2026-02-01')).map((p) => p.value)).toEqual([null, null]);
    expect(onTimeRateSeries(counters, 2027, '2026-12-31')).toEqual([]);
    expect(onTimeRateSeries(counters, 2025, '2026-01-10')).toHaveLength(12);
  });
});

describe('the standing of a target', () => {
  const rate = (values: (number | null)[]) =>
    values.map((value, i) => ({ month: i + 1, value, numerator: 0, denominator: 0 }));

  it('projects a rate at its level so far, and is off track when that level is below the target', () => {
    const s = targetStanding(AT_LEAST_90, 'rate', rate([95, 88.5]), { year: 2026, asOf: '2026-02-20' });
    expect(s).toMatchObject({ current: 88.5, projection: 88.5, status: 'off_track' });
    expect(
      targetStanding(AT_LEAST_90, 'rate', rate([80, 90]), { year: 2026, asOf: '2026-02-20' }).status,
    ).toBe('on_track');
  });

  it('never calls a rate met before the year ends, and met or missed after it', () => {
    expect(targetStanding(AT_LEAST_90, 'rate', rate([100]), { year: 2026, asOf: '2026-01-31' }).status).toBe(
      'on_track',
    );
    const full = rate(Array.from({ length: 12 }, () => 91));
    expect(targetStanding(AT_LEAST_90, 'rate', full, { year: 2026, asOf: '2027-01-05' }).status).toBe('met');
    const low = rate(Array.from({ length: 12 }, () => 89.9));
    expect(targetStanding(AT_LEAST_90, 'rate', low, { year: 2026, asOf: '2027-01-05' }).status).toBe(
      'missed',
    );
  });

  it('says there is no data rather than guessing', () => {
    expect(
      targetStanding(AT_LEAST_90, 'rate', rate([null, null]), { year: 2026, asOf: '2026-02-10' }),
    ).toMatchObject({
      current: null,
      projection: null,
      status: 'no_data',
    });
  });

  it('projects a progress share from what is planned, else at the pace of the year so far', () => {
    const target = { comparator: 'at_least', value: 30 } as const;
    // 10% of units inspected by the end of June (about half the year): the pace gives about 20%.
    const half = rate([0, 0, 0, 0, 0, 10]);
    const pace = targetStanding(target, 'progress', half, { year: 2026, asOf: '2026-07-01' });
    expect(pace.projection).toBeCloseTo(20, 0);
    expect(pace.status).toBe('off_track');
    const planned = targetStanding(target, 'progress', half, { year: 2026, asOf: '2026-07-01', planned: 40 });
    expect(planned).toMatchObject({ projection: 40, status: 'on_track' });
    expect(targetStanding(target, 'progress', rate([35]), { year: 2026, asOf: '2026-01-20' }).status).toBe(
      'met',
    );
  });

  it('reads "at most" targets the other way round', () => {
    const s = targetStanding({ comparator: 'at_most', value: 5 }, 'rate', rate([4]), {
      year: 2026,
      asOf: '2026-01-20',
    });
    expect(s.status).toBe('on_track');
    expect(
      targetStanding({ comparator: 'at_most', value: 5 }, 'rate', rate([6]), {
        year: 2026,
        asOf: '2026-01-20',
      }).status,
    ).toBe('off_track');
  });
});

describe('the other measures', () => {
  it('counts the catalogue as the version in effect at each month end', () => {
    const more = { offeredOnline: false, complete: true };
    const versions = [
      {
        procedureId: 'a',
        from: '2025-06-01',
        inForce: true,
        fullyOnline: false,
        hasInternalProcess: true,
        ...more,
      },
      {
        procedureId: 'a',
        from: '2026-02-10',
        inForce: true,
        fullyOnline: true,
        hasInternalProcess: true,
        ...more,
      },
      {
        procedureId: 'b',
        from: '2025-01-01',
        inForce: true,
        fullyOnline: false,
        hasInternalProcess: false,
        ...more,
      },
      {
        procedureId: 'b',
        from: '2026-03-01',
        inForce: false,
        fullyOnline: false,
        hasInternalProcess: false,
        ...more,
      },
    ];
    expect(
      toPoints(catalogueShareSeries(versions, 'fullyOnline', 2026, '2026-03-31')).map((p) => p.value),
    ).toEqual([0, 50, 100]);
    expect(toPoints(catalogueShareSeries(versions, 'hasInternalProcess', 2026, '2026-01-31'))[0]!.value).toBe(
      50,
    );
  });

  it('counts a task against the on-time share from the day after its deadline', () => {
    const tasks = [
      { deadline: '2026-01-20', doneOn: '2026-01-19' },
      { deadline: '2026-01-31', doneOn: null },
      { deadline: '2026-02-10', doneOn: '2026-02-12' },
    ];
    const points = toPoints(tasksOnTimeSeries(tasks, 2026, '2026-02-28'));
    expect(points.map((p) => [p.numerator, p.denominator])).toEqual([
      [1, 1],
      [1, 3],
    ]);
  });

  it('counts a unit inspected twice once, and the plan promises the units listed', () => {
    const inspections = [
      { unitId: 'u1', plannedOn: '2026-03-01', doneOn: '2026-03-02' },
      { unitId: 'u1', plannedOn: '2026-09-01', doneOn: '2026-09-03' },
      { unitId: 'u2', plannedOn: '2026-10-01', doneOn: null },
    ];
    expect(toPoints(unitsInspectedSeries(inspections, 10, 2026, '2026-09-30')).at(-1)!.value).toBe(10);
    expect(unitsPlannedShare(inspections, 10)).toBe(20);
  });

  it('reads dossiers handled outside the system into the tracked share', () => {
    const counters = [{ month: 1, metric: 'received', n: 90 }];
    const points = toPoints(trackedShareSeries(counters, new Map([[1, 10]]), 2026, '2026-01-31'));
    expect(points[0]!.value).toBe(90);
  });

  it('keeps a figure reported by hand until the next report', () => {
    expect(reportedSeries(new Map([[2, 70]]), 2026, '2026-04-02').map((p) => p.value)).toEqual([
      null,
      70,
      70,
      70,
    ]);
  });
});
