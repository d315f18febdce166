import { dayNumber, type IsoDate, isoDate, weekdayOfDay } from '../calendar/civil-date.ts';
import type { Channel } from '../dossier/snapshot.ts';
import { type CounterSum, type Form06Numbers, form06Report } from '../statistics/form06.ts';

/**
 * The figures of the leaders' dashboard (bảng điều khiển) and the public board (bảng theo dõi),
 * from the same counters as Biểu số 06: the server sums groups, this file names the figures.
 * The on-time rate is Decision 766's: resolved early or on time among those resolved.
 */

export type Granularity = 'month' | 'week';

/** A period bucket: its first day (a Monday or the 1st) as the key, and its days within the period. */
export interface Bucket {
  key: IsoDate;
  from: IsoDate;
  to: IsoDate;
}

/** Counters of one bucket (the SQL's date_trunc of the day), channel and metric, summed. */
export interface BucketSum {
  bucket: IsoDate;
  channel: Channel;
  metric: string;
  n: number;
}

/** Counters summed per group (a field, a receiving unit, an agency), like Biểu 06's. */
export interface GroupSum extends Omit<CounterSum, 'field'> {
  key: string;
}

/** A percentage with one decimal; null when there is nothing to divide by (never shown as 0 %). */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

const addDays = (d: IsoDate, n: number): IsoDate => isoDate(dayNumber(d) + n);

/** The first day of the bucket holding `day`: the 1st of its month, or its Monday (ISO weeks). */
export function bucketStart(day: IsoDate, granularity: Granularity): IsoDate {
  if (granularity === 'month') return `${day.slice(0, 8)}01` as IsoDate;
  return addDays(day, -((weekdayOfDay(dayNumber(day)) + 6) % 7));
}

/** The buckets covering a period, the first and last cut to it. */
export function periodBuckets(from: IsoDate, to: IsoDate, granularity: Granularity): Bucket[] {
  const out: Bucket[] = [];
  for (let start = bucketStart(from, granularity); start <= to; ) {
    const next =
      granularity === 'week'
        ? addDays(start, 7)
        : (() => {
            const y = Number(start.slice(0, 4));
            const m = Number(start.slice(5, 7));
            return `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01` as IsoDate;
          })();
    const last = addDays(next, -1);
    out.push({ key: start, from: start < from ? from : start, to: last > to ? to : last });
    start = next;
  }
  return out;
}

export interface SeriesPoint extends Bucket {
  receivedOnline: number;
  receivedDirect: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  resolvedTotal: number;
  onTimeRate: number | null;
}

/** Received (by channel) and resolved (early, on time, late) per bucket, every bucket present. */
export function dashboardSeries(
  sums: readonly BucketSum[],
  from: IsoDate,
  to: IsoDate,
  granularity: Granularity,
): SeriesPoint[] {
  return periodBuckets(from, to, granularity).map((b) => {
    const n = (metric: string, channels?: readonly Channel[]) =>
      sums
        .filter(
          (s) => s.bucket === b.key && s.metric === metric && (!channels || channels.includes(s.channel)),
        )
        .reduce((t, s) => t + s.n, 0);
    const resolvedEarly = n('resolved_early');
    const resolvedOnTime = n('resolved_on_time');
    const resolvedLate = n('resolved_late');
    const resolvedTotal = resolvedEarly + resolvedOnTime + resolvedLate;
    return {
      ...b,
      receivedOnline: n('received', ['online']),
      receivedDirect: n('received', ['counter', 'post']),
      resolvedEarly,
      resolvedOnTime,
      resolvedLate,
      resolvedTotal,
      onTimeRate: percent(resolvedEarly + resolvedOnTime, resolvedTotal),
    };
  });
}

export type GroupFigures = Pick<
  Form06Numbers,
  | 'receivedTotal'
  | 'receivedOnline'
  | 'receivedDirect'
  | 'resolvedTotal'
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'pendingOverdue'
> & {
  key: string;
  name: string;
  /** Resolved early or on time among resolved, %. */
  onTimeRate: number | null;
  /** Received online among received in the period (carried over left out), %. */
  onlineShare: number | null;
};

function figuresOf(n: Form06Numbers): Omit<GroupFigures, 'key' | 'name'> {
  return {
    receivedTotal: n.receivedTotal,
    receivedOnline: n.receivedOnline,
    receivedDirect: n.receivedDirect,
    resolvedTotal: n.resolvedTotal,
    resolvedEarly: n.resolvedEarly,
    resolvedOnTime: n.resolvedOnTime,
    resolvedLate: n.resolvedLate,
    pendingOverdue: n.pendingOverdue,
    onTimeRate: percent(n.resolvedEarly + n.resolvedOnTime, n.resolvedTotal),
    onlineShare: percent(n.receivedOnline, n.receivedOnline + n.receivedDirect),
  };
}

/**
 * Biểu 06's numbers per group (field, unit or agency) and in total, with the two rates. The rows
 * are Biểu 06's own (form06Report groups by the key it is given), so the dashboard and the report
 * never disagree.
 */
export function groupFigures(
  sums: readonly GroupSum[],
  names: Readonly<Record<string, string>>,
): { rows: GroupFigures[]; totals: Omit<GroupFigures, 'key' | 'name'> } {
  const report = form06Report(
    sums.map(({ key, ...s }) => ({ ...s, field: key })),
    names,
  );
  return {
    rows: report.rows.map((r) => ({ key: r.field, name: r.fieldName, ...figuresOf(r) })),
    totals: figuresOf(report.totals),
  };
}

export interface ChannelFigure {
  channel: Channel;
  received: number;
  /** Its share of the period's receipts, %. */
  share: number | null;
}

/** Receipts in the period per channel (online, counter, post), each with its share. */
export function channelFigures(sums: readonly GroupSum[]): ChannelFigure[] {
  const channels: Channel[] = ['online', 'counter', 'post'];
  const received = (c: Channel) =>
    sums.filter((s) => s.metric === 'received' && s.channel === c).reduce((t, s) => t + s.within, 0);
  const total = channels.reduce((t, c) => t + received(c), 0);
  return channels.map((channel) => ({
    channel,
    received: received(channel),
    share: percent(received(channel), total),
  }));
}
