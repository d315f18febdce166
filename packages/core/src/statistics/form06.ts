import { z } from 'zod';
import type { Channel } from '../dossier/snapshot.ts';

/**
 * Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP, DOMAIN.md §6): "Tình hình, kết quả giải quyết
 * TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC", one row per field (lĩnh vực), built from
 * the counters (counters.ts) summed over a period. Pure: the server sums, this file names the columns.
 */

/** One group of counters: a metric of a field and channel, summed before the period and within it. */
export interface CounterSum {
  field: string;
  channel: Channel;
  metric: string;
  /** Sum of the deltas on the days before the period's first day. */
  before: number;
  /** Sum of the deltas on the period's days. */
  within: number;
}

const count = z.number().int();

/** A row of the report; the numbers of the official columns are in the comments. */
export const form06RowSchema = z.strictObject({
  field: z.string(),
  fieldName: z.string(),
  receivedTotal: count, // 3 = 4 + 5 + 6
  receivedOnline: count, // 4 trực tuyến
  receivedDirect: count, // 5 trực tiếp, bưu chính
  carriedOver: count, // 6 từ kỳ trước chuyển sang
  resolvedTotal: count, // 7 = 8 + 9 + 10
  resolvedEarly: count, // 8 trước hạn
  resolvedOnTime: count, // 9 đúng hạn
  resolvedLate: count, // 10 quá hạn
  pendingTotal: count, // 11 = 12 + 13
  pendingInTime: count, // 12 trong hạn
  pendingOverdue: count, // 13 quá hạn
  refused: count, // ended otherwise, shown rather than lost: từ chối giải quyết
  withdrawn: count, // rút hồ sơ
  stopped: count, // dừng giải quyết
});
export type Form06Row = z.infer<typeof form06RowSchema>;
export type Form06Numbers = Omit<Form06Row, 'field' | 'fieldName'>;

/** The numbered columns 3 to 13 of the official layout, in its order. */
export const FORM06_NUMBERED_COLUMNS = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirect',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'pendingTotal',
  'pendingInTime',
  'pendingOverdue',
] as const satisfies readonly (keyof Form06Numbers)[];

/** All the columns: the official ones (3 to 13), then the dossiers ended otherwise. */
export const FORM06_COLUMNS = [
  ...FORM06_NUMBERED_COLUMNS,
  'refused',
  'withdrawn',
  'stopped',
] as const satisfies readonly (keyof Form06Numbers)[];

const zero = (): Form06Numbers =>
  Object.fromEntries(FORM06_COLUMNS.map((c) => [c, 0])) as unknown as Form06Numbers;

function numbersOf(sums: readonly CounterSum[]): Form06Numbers {
  const within = (metric: string, channels?: readonly Channel[]) =>
    sums
      .filter((s) => s.metric === metric && (!channels || channels.includes(s.channel)))
      .reduce((n, s) => n + s.within, 0);
  const atStart = (metric: string) =>
    sums.filter((s) => s.metric === metric).reduce((n, s) => n + s.before, 0);
  const atEnd = (metric: string) => atStart(metric) + within(metric);
  const r = zero();
  r.receivedOnline = within('received', ['online']);
  r.receivedDirect = within('received', ['counter', 'post']);
  r.carriedOver = atStart('open');
  r.receivedTotal = r.receivedOnline + r.receivedDirect + r.carriedOver;
  r.resolvedEarly = within('resolved_early');
  r.resolvedOnTime = within('resolved_on_time');
  r.resolvedLate = within('resolved_late');
  r.resolvedTotal = r.resolvedEarly + r.resolvedOnTime + r.resolvedLate;
  r.pendingTotal = atEnd('open');
  r.pendingOverdue = atEnd('overdue');
  r.pendingInTime = r.pendingTotal - r.pendingOverdue;
  r.refused = within('ended_refused');
  r.withdrawn = within('ended_withdrawn');
  r.stopped = within('ended_stopped');
  return r;
}

/** The report's invariants that a row breaks (none when the counters are sound). */
export function form06Problems(r: Form06Numbers): string[] {
  const problems: string[] = [];
  if (r.receivedTotal !== r.resolvedTotal + r.pendingTotal + r.refused + r.withdrawn + r.stopped)
    problems.push('received = resolved + in progress + refused + withdrawn + stopped');
  for (const column of FORM06_COLUMNS) if (r[column] < 0) problems.push(`${column} >= 0`);
  return problems;
}

export interface Form06Report {
  rows: Form06Row[];
  totals: Form06Numbers;
}

/** Rows per field (by the fields' Vietnamese names), leaving out fields with nothing to show, and the totals row. */
export function form06Report(
  sums: readonly CounterSum[],
  fieldNames: Readonly<Record<string, string>>,
): Form06Report {
  const byField = new Map<string, CounterSum[]>();
  for (const s of sums) byField.set(s.field, [...(byField.get(s.field) ?? []), s]);
  const rows: Form06Row[] = [];
  for (const [field, list] of byField) {
    const numbers = numbersOf(list);
    if (FORM06_COLUMNS.every((c) => numbers[c] === 0)) continue;
    rows.push({ field, fieldName: fieldNames[field] ?? field, ...numbers });
  }
  rows.sort((a, b) => a.fieldName.localeCompare(b.fieldName, 'vi') || a.field.localeCompare(b.field));
  const totals = zero();
  for (const row of rows) for (const c of FORM06_COLUMNS) totals[c] += row[c];
  return { rows, totals };
}
