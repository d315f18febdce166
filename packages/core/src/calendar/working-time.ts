import {
  DAY_MS,
  dayNumber,
  firstDayOfYear,
  type IsoDate,
  isoDate,
  weekdayOfDay,
  yearOfDay,
} from './civil-date.ts';
import { assertValidCalendarConfig, type CalendarConfig, minutesOfClockTime, WEEKDAYS } from './config.ts';
import { holidayMapOfYear } from './holidays.ts';

/**
 * Working days and working hours of an agency's calendar.
 *
 * Asia/Ho_Chi_Minh has been a fixed UTC+7, with no daylight saving, since 1975, so local time is
 * the instant plus seven hours and every local day is exactly 24 hours long. Doing the arithmetic on
 * that fixed offset keeps this pure and identical on every machine, whatever its own time zone or
 * time-zone database. Inputs and outputs are `Date` instants; a day is its local date in Vietnam.
 */

export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** No announced calendar keeps an agency closed this long; more means a broken configuration. */
const MAX_DAYS_WITHOUT_WORK = 366;

interface CompiledCalendar {
  /** Working periods as milliseconds after local midnight. */
  periods: readonly { start: number; end: number }[];
  opening: number;
  closing: number;
  cutoff: number;
  weeklyDaysOff: ReadonlySet<number>;
}

const compiled = new WeakMap<CalendarConfig, CompiledCalendar>();

function compile(cal: CalendarConfig): CompiledCalendar {
  const cached = compiled.get(cal);
  if (cached) return cached;
  assertValidCalendarConfig(cal);
  const periods = cal.workingPeriods.map((p) => ({
    start: minutesOfClockTime(p.start) * MINUTE_MS,
    end: minutesOfClockTime(p.end) * MINUTE_MS,
  }));
  const result: CompiledCalendar = {
    periods,
    opening: periods[0]!.start,
    closing: periods[periods.length - 1]!.end,
    cutoff: minutesOfClockTime(cal.afternoonCutoff) * MINUTE_MS,
    weeklyDaysOff: new Set(cal.weeklyDaysOff.map((w) => WEEKDAYS.indexOf(w))),
  };
  compiled.set(cal, result);
  return result;
}

function time(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
}

/** The local day number (days since 1970-01-01 in Vietnam) of an instant. */
export function localDayOf(t: number): number {
  return Math.floor((t + VIETNAM_UTC_OFFSET_MS) / DAY_MS);
}

/** The instant at `msOfDay` after local midnight of a day. */
export function instantOn(day: number, msOfDay: number): number {
  return day * DAY_MS + msOfDay - VIETNAM_UTC_OFFSET_MS;
}

/** The date in Vietnam of an instant, as YYYY-MM-DD. */
export function vietnamDateOf(instant: Date): IsoDate {
  return isoDate(localDayOf(time(instant)));
}

function toDay(date: IsoDate | Date): number {
  return date instanceof Date ? localDayOf(time(date)) : dayNumber(date);
}

// Working days as one flag per day of each year, per config: the calendar walks day by day.
const workingFlags = new WeakMap<CalendarConfig, Map<number, Uint8Array>>();

function workingFlagsOfYear(year: number, cal: CalendarConfig): Uint8Array {
  let years = workingFlags.get(cal);
  if (!years) {
    years = new Map();
    workingFlags.set(cal, years);
  }
  const cached = years.get(year);
  if (cached) return cached;
  const special = holidayMapOfYear(year, cal);
  const { weeklyDaysOff } = compile(cal);
  const first = firstDayOfYear(year);
  const flags = new Uint8Array(firstDayOfYear(year + 1) - first);
  for (let i = 0; i < flags.length; i++) {
    const kind = special.get(first + i)?.kind;
    flags[i] = (kind ? kind === 'override-working' : !weeklyDaysOff.has(weekdayOfDay(first + i))) ? 1 : 0;
  }
  years.set(year, flags);
  return flags;
}

export function isWorkingDayNumber(day: number, cal: CalendarConfig): boolean {
  const year = yearOfDay(day);
  return workingFlagsOfYear(year, cal)[day - firstDayOfYear(year)] === 1;
}

function stepToWorkingDay(day: number, direction: 1 | -1, cal: CalendarConfig): number {
  for (let d = day + direction, i = 0; i < MAX_DAYS_WITHOUT_WORK; d += direction, i++) {
    if (isWorkingDayNumber(d, cal)) return d;
  }
  throw new Error(`no working day within ${MAX_DAYS_WITHOUT_WORK} days of ${isoDate(day)}`);
}

/** Whether a date (or the Vietnamese date of an instant) is a working day of the calendar. */
export function isWorkingDay(date: IsoDate | Date, cal: CalendarConfig): boolean {
  return isWorkingDayNumber(toDay(date), cal);
}

/** The first working day after the date. */
export function nextWorkingDay(date: IsoDate | Date, cal: CalendarConfig): IsoDate {
  return isoDate(stepToWorkingDay(toDay(date), 1, cal));
}

/** The last working day before the date. */
export function previousWorkingDay(date: IsoDate | Date, cal: CalendarConfig): IsoDate {
  return isoDate(stepToWorkingDay(toDay(date), -1, cal));
}

/** The start of the first working period of a date (whether or not it is a working day). */
export function startOfWorkingDay(date: IsoDate | Date, cal: CalendarConfig): Date {
  return new Date(instantOn(toDay(date), compile(cal).opening));
}

/** The end of the last working period of a date (whether or not it is a working day). */
export function endOfWorkingDay(date: IsoDate | Date, cal: CalendarConfig): Date {
  return new Date(instantOn(toDay(date), compile(cal).closing));
}

/**
 * The working day and clock time that day arithmetic counts from. An instant after the opening and
 * no later than the closing of a working day (the lunch break included) is kept. Any other instant
 * (at or before the opening, after the closing, on a day off) stands for the closing of the last
 * working day before it: no working time passes in between, and counting from the end of that day
 * makes "n days from the next morning" end at the close of the n-th day, as deadlines are written.
 */
function dayAnchor(t: number, cal: CalendarConfig): { day: number; msOfDay: number } {
  const { opening, closing } = compile(cal);
  const day = localDayOf(t);
  const msOfDay = t - instantOn(day, 0);
  if (isWorkingDayNumber(day, cal)) {
    if (msOfDay > opening && msOfDay <= closing) return { day, msOfDay };
    if (msOfDay > closing) return { day, msOfDay: closing };
  }
  return { day: stepToWorkingDay(day, -1, cal), msOfDay: closing };
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
}

/**
 * The same clock time on the n-th working day after the instant's day (n ≥ 0; 0 returns the
 * instant). An instant outside working hours or on a day off counts from the closing of the last
 * working day before it (see dayAnchor): Saturday 10:00 + 1 is Monday 17:00, Monday 18:00 + 1 is
 * Tuesday 17:00, Monday 07:00 + 1 is Monday 17:00.
 */
export function addWorkingDays(instant: Date, n: number, cal: CalendarConfig): Date {
  assertCount(n, 'the number of working days');
  const t = time(instant);
  if (n === 0) return new Date(t);
  let { day, msOfDay } = dayAnchor(t, cal);
  for (let i = 0; i < n; i++) day = stepToWorkingDay(day, 1, cal);
  return new Date(instantOn(day, msOfDay));
}

/**
 * How many working days b is after a: the working days after a's day up to and including b's day,
 * each instant first placed as addWorkingDays does; negative when b is earlier. The inverse of
 * addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(a: Date, b: Date, cal: CalendarConfig): number {
  const from = dayAnchor(time(a), cal).day;
  const to = dayAnchor(time(b), cal).day;
  const [low, high] = from <= to ? [from, to] : [to, from];
  let count = 0;
  for (let d = low + 1; d <= high; d++) if (isWorkingDayNumber(d, cal)) count++;
  return from <= to ? count : 0 - count; // 0 - 0 is 0, where -0 would not equal 0 under Object.is
}

/**
 * The earliest instant by which `hours` of working time have passed since the instant, counting only
 * the working periods of working days (hours ≥ 0, to the millisecond). Time that runs out exactly at
 * the end of a period ends there (11:30, 17:00), not at the next opening.
 */
export function addWorkingHours(instant: Date, hours: number, cal: CalendarConfig): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be ≥ 0, not ${hours}`);
  const { periods } = compile(cal);
  const t = time(instant);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(t);
  for (let day = localDayOf(t), idle = 0; idle < MAX_DAYS_WITHOUT_WORK; day++, idle++) {
    if (!isWorkingDayNumber(day, cal)) continue;
    idle = 0;
    for (const p of periods) {
      const start = Math.max(t, instantOn(day, p.start));
      const end = instantOn(day, p.end);
      if (start >= end) continue;
      if (remaining <= end - start) return new Date(start + remaining);
      remaining -= end - start;
    }
  }
  throw new Error(`no working day within ${MAX_DAYS_WITHOUT_WORK} days`);
}

/**
 * The working time between two instants, in hours (negative when b is earlier): the inverse of
 * addWorkingHours, so workingHoursBetween(a, addWorkingHours(a, h)) === h.
 */
export function workingHoursBetween(a: Date, b: Date, cal: CalendarConfig): number {
  const ta = time(a);
  const tb = time(b);
  if (tb < ta) return 0 - workingHoursBetween(b, a, cal);
  const { periods } = compile(cal);
  let total = 0;
  for (let day = localDayOf(ta); day <= localDayOf(tb); day++) {
    if (!isWorkingDayNumber(day, cal)) continue;
    for (const p of periods) {
      const overlap = Math.min(tb, instantOn(day, p.end)) - Math.max(ta, instantOn(day, p.start));
      if (overlap > 0) total += overlap;
    }
  }
  return total / HOUR_MS;
}

/** The afternoon cut-off of a calendar in milliseconds after local midnight (for appointment.ts). */
export function cutoffMsOfDay(cal: CalendarConfig): number {
  return compile(cal).cutoff;
}
