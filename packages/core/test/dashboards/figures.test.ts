import { describe, expect, it } from 'vitest';
import {
  bucketStart,
  channelFigures,
  dashboardSeries,
  percent,
  periodBuckets,
} from '../../src/dashboards/figures.ts';

describe('dashboard buckets', () => {
  it('cuts months at the period, across a year end', () => {
    expect(periodBuckets('2025-11-15', '2026-01-10', 'month')).toEqual([
      { key: '2025-11-01', from: '2025-11-15', to: '2025-11-30' },
      { key: '2025-12-01', from: '2025-12-01', to: '2025-12-31' },
      { key: '2026-01-01', from: '2026-01-01', to: '2026-01-10' },
    ]);
  });

  it('starts ISO weeks on Mondays, a week across a year end in one bucket', () => {
    expect(bucketStart('2026-01-01', 'week')).toBe('2025-12-29');
    expect(bucketStart('2026-03-08', 'week')).toBe('2026-03-02');
    expect(bucketStart('2026-03-02', 'week')).toBe('2026-03-02');
    expect(periodBuckets('2025-12-31', '2026-01-12', 'week')).toEqual([
      { key: '2025-12-29', from: '2025-12-31', to: '2026-01-04' },
      { key: '2026-01-05', from: '2026-01-05', to: '2026-01-11' },
      { key: '2026-01-12', from: '2026-01-12', to: '2026-01-12' },
    ]);
  });
});

describe('dashboard rates', () => {
  it('has no rate where nothing was resolved, never 0 %', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(2, 3)).toBe(66.7);
    const [only] = dashboardSeries(
      [{ bucket: '2026-03-01', channel: 'online', metric: 'received', n: 2 }],
      '2026-03-01',
      '2026-03-31',
      'month',
    );
    expect(only).toMatchObject({ receivedOnline: 2, resolvedTotal: 0, onTimeRate: null });
  });

  it('counts early and on time as on time, late not', () => {
    const [m] = dashboardSeries(
      [
        { bucket: '2026-03-01', channel: 'counter', metric: 'resolved_early', n: 1 },
        { bucket: '2026-03-01', channel: 'post', metric: 'resolved_on_time', n: 2 },
        { bucket: '2026-03-01', channel: 'counter', metric: 'resolved_late', n: 1 },
      ],
      '2026-03-01',
      '2026-03-31',
      'month',
    );
    expect(m).toMatchObject({ resolvedTotal: 4, onTimeRate: 75 });
  });

  it('gives each channel its share of the receipts', () => {
    const sum = (channel: 'online' | 'counter' | 'post', within: number) => ({
      key: 'x',
      channel,
      metric: 'received',
      before: 5,
      within,
    });
    expect(channelFigures([sum('online', 1), sum('counter', 3)])).toEqual([
      { channel: 'online', received: 1, share: 25 },
      { channel: 'counter', received: 3, share: 75 },
      { channel: 'post', received: 0, share: 0 },
    ]);
  });
});
