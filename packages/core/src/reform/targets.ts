import type { IsoDate } from '../calendar/civil-date.ts';

/**
 * Targets (chỉ tiêu) of a reform plan and the live measures the system computes for them. Every
 * measure is a share in percent, cumulative from 1 January to the end of each month of the plan's
 * year, computed here from plain figures the server reads (counters, catalogue versions, tasks,
 * inspections); nothing here reads a clock or a database.
 */
export const TARGET_MEASURES = [
  'manual', // reported by hand, with evidence
  'on_time_rate', // dossiers resolved early or on time / dossiers resolved (Biểu 06 col 8+9 / col 7)
  'online_full_share', // procedures in force offered fully online (toàn trình) / procedures in force
  'internal_process_share', // procedures in force with an internal process (quy trình nội bộ) / procedures in force
  'dossiers_tracked_share', // dossiers received in the system / (those + dossiers reported as handled outside it)
  'tasks_on_time', // reform tasks done by their deadline / tasks due
  'units_inspected', // units inspected this year / units of the agency
  'surveys_done', // satisfaction survey answers collected / the sample the returned dossiers need (surveys/)
  'satisfaction_index', // the satisfaction index of the year's answers (surveys/results.ts)
] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/** `at_least` for "≥ 90%", `at_most` for "no more than 5%". */
export const TARGET_COMPARATORS = ['at_least', 'at_most'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/**
 * How a measure moves through the year, which decides its year-end projection: a `rate` keeps the
 * level it has reached so far (the share of dossiers on time in January to May is the best guess for
 * the year); a `progress` share only grows until 31 December (units inspected), so it is projected
 * from what is planned, or else at the pace so far; a `reported` figure stays as last reported.
 */
export type MeasureKind = 'rate' | 'progress' | 'reported';
export const MEASURE_KINDS: Record<TargetMeasure, MeasureKind> = {
  manual: 'reported',
  on_time_rate: 'rate',
  online_full_share: 'rate',
  internal_process_share: 'rate',
  dossiers_tracked_share: 'rate',
  tasks_on_time: 'rate',
  units_inspected: 'progress',
  surveys_done: 'rate',
  satisfaction_index: 'rate',
};

/** A share at the end of a month (or, for the running month, at the day of reading). */
export interface MonthFigure {
  month: number;
  numerator: number;
  denominator: number;
}

export interface MonthPoint {
  month: number;
  /** Percent, one decimal; null when nothing was counted yet. */
  value: number | null;
  numerator: number;
  denominator: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
export const percentOf = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? round1((numerator / denominator) * 100) : null;

/** The last day of `month` of `year`, as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): IsoDate {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** The months of the plan's year that have started by `asOf`: 0 before the year, 12 after it. */
export function monthsElapsed(year: number, asOf: IsoDate): number {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  if (y < year) return 0;
  if (y > year) return 12;
  return m;
}

/** The cut-off date of month `month` read on `asOf`: the month's end, or `asOf` in the running month. */
function cutOff(year: number, month: number, asOf: IsoDate): IsoDate {
  const end = monthEnd(year, month);
  return asOf < end ? asOf : end;
}

// ---- The measures, each from its figures ----

/** Dossier counters (dossier_counter) summed by month of the year: metric → n. */
export interface CounterMonth {
  month: number;
  metric: string;
  n: number;
}

function cumulative(
  year: number,
  asOf: IsoDate,
  byMonth: (month: number) => { numerator: number; denominator: number },
): MonthFigure[] {
  const out: MonthFigure[] = [];
  let num = 0;
  let den = 0;
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const m = byMonth(month);
    num += m.numerator;
    den += m.denominator;
    out.push({ month, numerator: num, denominator: den });
  }
  return out;
}

/**
 * The share of dossiers resolved early or on time among those resolved, from 1 January to each
 * month's end (Decision 766 counting, as the engine wrote the counters).
 */
export function onTimeRateSeries(
  counters: readonly CounterMonth[],
  year: number,
  asOf: IsoDate,
): MonthFigure[] {
  return cumulative(year, asOf, (month) => {
    const n = (metric: string) =>
      counters.filter((c) => c.month === month && c.metric === metric).reduce((s, c) => s + c.n, 0);
    const good = n('resolved_early') + n('resolved_on_time');
    return { numerator: good, denominator: good + n('resolved_late') };
  });
}

/**
 * The share of dossiers received in the system among all received, where dossiers handled outside
 * the system are reported by hand per month (`outside`: month → count).
 */
export function trackedShareSeries(
  counters: readonly CounterMonth[],
  outside: ReadonlyMap<number, number>,
  year: number,
  asOf: IsoDate,
): MonthFigure[] {
  return cumulative(year, asOf, (month) => {
    const received = counters
      .filter((c) => c.month === month && c.metric === 'received')
      .reduce((s, c) => s + c.n, 0);
    return { numerator: received, denominator: received + (outside.get(month) ?? 0) };
  });
}

/** A version of a procedure as published: what it offered from that day on. */
export interface CatalogueVersion {
  procedureId: string;
  /** The day it took effect. */
  from: IsoDate;
  /** Abolished procedures leave the count. */
  inForce: boolean;
  fullyOnline: boolean;
  /** Offered online at all, fully (toàn trình) or partly (một phần). */
  offeredOnline: boolean;
  hasInternalProcess: boolean;
  /** Published with every required part (no publication problem, not even one awaiting review). */
  complete: boolean;
}

/** The procedures in force on `day`: for each, the version in effect then, unless it abolished it. */
export function catalogueInForceOn(versions: readonly CatalogueVersion[], day: IsoDate): CatalogueVersion[] {
  const current = new Map<string, CatalogueVersion>();
  for (const v of versions) {
    if (v.from > day) continue;
    const seen = current.get(v.procedureId);
    if (!seen || seen.from <= v.from) current.set(v.procedureId, v);
  }
  return [...current.values()].filter((v) => v.inForce);
}

/** The share of procedures in force meeting `has` at each month's end (the version in effect then). */
export function catalogueShareSeries(
  versions: readonly CatalogueVersion[],
  has: 'fullyOnline' | 'hasInternalProcess',
  year: number,
  asOf: IsoDate,
): MonthFigure[] {
  const out: MonthFigure[] = [];
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const inForce = catalogueInForceOn(versions, cutOff(year, month, asOf));
    out.push({ month, numerator: inForce.filter((v) => v[has]).length, denominator: inForce.length });
  }
  return out;
}

/** A task as the on-time measure sees it: its deadline in force and the day it was done. */
export interface TaskDates {
  deadline: IsoDate;
  doneOn: IsoDate | null;
}

/**
 * The share of tasks done by their deadline among the tasks that fell due (or were done) by each
 * month's end: an open task past its deadline counts against the share from the day after.
 */
export function tasksOnTimeSeries(tasks: readonly TaskDates[], year: number, asOf: IsoDate): MonthFigure[] {
  const out: MonthFigure[] = [];
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const day = cutOff(year, month, asOf);
    const counted = tasks.filter((t) => (t.doneOn !== null && t.doneOn <= day) || t.deadline < day);
    const onTime = counted.filter((t) => t.doneOn !== null && t.doneOn <= day && t.doneOn <= t.deadline);
    out.push({ month, numerator: onTime.length, denominator: counted.length });
  }
  return out;
}

/** An inspection of a unit in the year: done on a day, or only planned for one. */
export interface InspectionDates {
  unitId: string;
  plannedOn: IsoDate;
  doneOn: IsoDate | null;
}

/** The share of the agency's units inspected by each month's end (a unit inspected twice counts once). */
export function unitsInspectedSeries(
  inspections: readonly InspectionDates[],
  unitCount: number,
  year: number,
  asOf: IsoDate,
): MonthFigure[] {
  const out: MonthFigure[] = [];
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const day = cutOff(year, month, asOf);
    const done = new Set(
      inspections.filter((i) => i.doneOn !== null && i.doneOn <= day).map((i) => i.unitId),
    );
    out.push({ month, numerator: done.size, denominator: unitCount });
  }
  return out;
}

/** What the inspection list promises by 31 December: units inspected or still planned in the year. */
export function unitsPlannedShare(inspections: readonly InspectionDates[], unitCount: number): number | null {
  return percentOf(new Set(inspections.map((i) => i.unitId)).size, unitCount);
}

/** Figures reported by hand: month → value in percent (the latest report of the month). */
export function reportedSeries(
  reports: ReadonlyMap<number, number>,
  year: number,
  asOf: IsoDate,
): MonthPoint[] {
  const out: MonthPoint[] = [];
  let last: number | null = null;
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const v = reports.get(month);
    if (v !== undefined) last = v;
    out.push({ month, value: last, numerator: 0, denominator: 0 });
  }
  return out;
}

// ---- Standing: current value, projection, and the off-track rule ----

export const TARGET_STATUSES = ['met', 'on_track', 'off_track', 'missed', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export interface TargetStanding {
  /** The latest value, percent. */
  current: number | null;
  /** The value at the end of each month so far. */
  trend: MonthPoint[];
  /** The value expected on 31 December. */
  projection: number | null;
  status: TargetStatus;
}

export const toPoints = (figures: readonly MonthFigure[]): MonthPoint[] =>
  figures.map((f) => ({ ...f, value: percentOf(f.numerator, f.denominator) }));

export const reaches = (value: number, target: { comparator: TargetComparator; value: number }): boolean =>
  target.comparator === 'at_least' ? value >= target.value - 1e-9 : value <= target.value + 1e-9;

/** The fraction of the plan's year gone by on `asOf` (0 before it, 1 after it). */
export function yearFraction(year: number, asOf: IsoDate): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const t = Date.parse(`${asOf}T00:00:00Z`) + 86_400_000; // the day of reading has passed
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}

/**
 * The standing of a target on `asOf`. The rule for "off track": the year-end projection does not
 * reach the target. After 31 December a target not reached is "missed". A progress share already at
 * its target is "met" before the year ends; a rate is never "met" before the year ends (it can fall).
 */
export function targetStanding(
  target: { comparator: TargetComparator; value: number },
  kind: MeasureKind,
  trend: MonthPoint[],
  options: { year: number; asOf: IsoDate; planned?: number | null },
): TargetStanding {
  const current = [...trend].reverse().find((p) => p.value !== null)?.value ?? null;
  const fraction = yearFraction(options.year, options.asOf);
  let projection: number | null = current;
  if (kind === 'progress' && current !== null && fraction < 1) {
    const pace = fraction > 0 ? Math.min(100, round1(current / fraction)) : current;
    projection =
      options.planned !== undefined && options.planned !== null ? Math.max(current, options.planned) : pace;
  }
  let status: TargetStatus;
  if (current === null || projection === null) status = 'no_data';
  else if (fraction >= 1) status = reaches(current, target) ? 'met' : 'missed';
  else if (kind === 'progress' && reaches(current, target)) status = 'met';
  else status = reaches(projection, target) ? 'on_track' : 'off_track';
  return { current, trend, projection, status };
}
