/**
 * Calendar dates (ngày dương lịch) as whole day numbers, with no clock and no time zone.
 * A day number counts days since 1970-01-01, so date arithmetic is integer arithmetic and
 * `YYYY-MM-DD` strings are only the outside form.
 */

/** A Gregorian date written `YYYY-MM-DD`. */
export type IsoDate = string;

export const DAY_MS = 86_400_000;

/** The years the calendar is computed for (the lunar calendar is checked over this range). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2025-02-30 over to March, so a round trip rejects impossible dates.
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date as YYYY-MM-DD: ${JSON.stringify(date)}`);
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Days since 1970-01-01 of a year, month (1-12) and day. */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Date.UTC treats years 0-99 as 1900-1999; setUTCFullYear does not.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / DAY_MS);
}

export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of 1 January of a year (proleptic Gregorian; 477 leap days fall before 1970). */
export function firstDayOfYear(year: number): number {
  const y = year - 1;
  return 365 * (year - 1970) + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477;
}

export function yearOfDay(day: number): number {
  // Plain arithmetic rather than a Date: this runs for every day a deadline computation walks over.
  let year = 1970 + Math.floor(day / 365.2425);
  if (firstDayOfYear(year) > day) year--;
  else if (firstDayOfYear(year + 1) <= day) year++;
  return year;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A date the calendar cannot place: its holidays are computed for 1900-2199 only. */
export class CalendarRangeError extends RangeError {
  constructor(
    readonly year: number,
    what = 'calendar',
  ) {
    super(`the ${what} covers the years ${FIRST_YEAR}-${LAST_YEAR}, not ${year}`);
    this.name = 'CalendarRangeError';
  }
}

export function assertYearInRange(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new CalendarRangeError(year);
}
