import {
  assertYearInRange,
  dayNumber,
  dayNumberOf,
  type IsoDate,
  isoDate,
  weekdayOfDay,
} from './civil-date.ts';
import { assertValidCalendarConfig, type CalendarConfig, WEEKDAYS } from './config.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';
import { DEFAULT_TET_DAYS_BEFORE_NEW_YEAR, type HolidayDateRule, STATUTORY_HOLIDAYS } from './statutory.ts';

/**
 * Public holidays (ngày nghỉ lễ, tết) under the Labour Code 2019, art. 112, and compensatory days
 * off under art. 111(3), followed by the year's announced overrides, which win.
 */

export type HolidayKind = 'holiday' | 'compensatory' | 'override-off' | 'override-working';

export interface Holiday {
  date: IsoDate;
  name: string;
  kind: HolidayKind;
}

const NGHI_BU = 'Nghỉ bù';

type IsWeeklyDayOff = (day: number) => boolean;

function weeklyDayOffTest(cal: CalendarConfig): IsWeeklyDayOff {
  const off = new Set(cal.weeklyDaysOff.map((w) => WEEKDAYS.indexOf(w)));
  return (day) => off.has(weekdayOfDay(day));
}

/**
 * The day added to 2 September (art. 112(1)(đ): "01 ngày liền kề trước hoặc sau"), until the
 * Government announces it: 1 or 3 September, whichever is a working day that makes the break touch a
 * weekly day off, so that the days off run together as the announced breaks do (2021: 2-3 Sep,
 * 2022: 1-2 Sep, 2024: 2-3 Sep, 2025: 1-2 Sep); 1 September when neither does (2 September on a
 * Wednesday) or both do.
 */
function nationalDayAdjacentDay(year: number, isWeeklyDayOff: IsWeeklyDayOff): number {
  const sep2 = dayNumberOf(year, 9, 2);
  const joinsWeekend = (candidate: number) =>
    !isWeeklyDayOff(candidate) &&
    (isWeeklyDayOff(sep2) ||
      isWeeklyDayOff(Math.min(candidate, sep2) - 1) ||
      isWeeklyDayOff(Math.max(candidate, sep2) + 1));
  if (joinsWeekend(sep2 - 1)) return sep2 - 1;
  if (joinsWeekend(sep2 + 1)) return sep2 + 1;
  return sep2 - 1;
}

/** The days of one row of the law's holidays in a year. */
function daysOfRule(
  rule: HolidayDateRule,
  year: number,
  cal: CalendarConfig,
  isWeeklyDayOff: IsWeeklyDayOff,
): number[] {
  switch (rule.calendar) {
    case 'solar':
      return [dayNumberOf(year, rule.month, rule.day)];
    case 'lunar':
      return [dayNumber(lunarToSolar({ day: rule.day, month: rule.month, year, leap: false }))];
    case 'tet': {
      const first =
        dayNumber(lunarNewYear(year)) - (cal.tetDaysBeforeNewYear ?? DEFAULT_TET_DAYS_BEFORE_NEW_YEAR);
      return Array.from({ length: rule.days }, (_, i) => first + i);
    }
    case 'national-day-adjacent':
      return [nationalDayAdjacentDay(year, isWeeklyDayOff)];
  }
}

/** The holidays the law fixes for a year, by day number. */
function statutoryHolidays(
  year: number,
  cal: CalendarConfig,
  isWeeklyDayOff: IsWeeklyDayOff,
): Map<number, string> {
  const days = new Map<number, string>();
  const add = (day: number, name: string) => {
    // Two holidays on one date (Giỗ Tổ on 30 April, as in 1947) make one day off: the law gives a
    // compensatory day only for a holiday on a weekly day off.
    const existing = days.get(day);
    days.set(day, existing && existing !== name ? `${existing}, ${name}` : name);
  };
  for (const h of cal.statutoryHolidays ?? STATUTORY_HOLIDAYS) {
    if (
      (h.fromYear !== undefined && year < h.fromYear) ||
      (h.untilYear !== undefined && year > h.untilYear)
    ) {
      continue;
    }
    for (const day of daysOfRule(h.rule, year, cal, isWeeklyDayOff)) add(day, h.name);
  }
  return days;
}

const cache = new WeakMap<CalendarConfig, Map<number, ReadonlyMap<number, Holiday>>>();

/** The year's holidays, compensatory days and overrides, by day number (cached per config). */
export function holidayMapOfYear(year: number, cal: CalendarConfig): ReadonlyMap<number, Holiday> {
  assertYearInRange(year);
  assertValidCalendarConfig(cal);
  let years = cache.get(cal);
  if (!years) {
    years = new Map();
    cache.set(cal, years);
  }
  const cached = years.get(year);
  if (cached) return cached;

  const isWeeklyDayOff = weeklyDayOffTest(cal);
  const statutory = statutoryHolidays(year, cal, isWeeklyDayOff);
  const result = new Map<number, Holiday>();
  for (const [day, name] of statutory) result.set(day, { date: isoDate(day), name, kind: 'holiday' });
  // Art. 111(3): a holiday on a weekly day off moves to the next working day. Taking the holidays in
  // date order lets several weekend holidays (a Tết over a weekend) queue up on consecutive days.
  for (const day of [...statutory.keys()].sort((a, b) => a - b)) {
    if (!isWeeklyDayOff(day)) continue;
    let next = day + 1;
    while (isWeeklyDayOff(next) || result.has(next)) next++;
    result.set(next, { date: isoDate(next), name: NGHI_BU, kind: 'compensatory' });
  }
  for (const o of cal.overrides) {
    if (Number(o.date.slice(0, 4)) !== year) continue;
    const kind = o.kind === 'off' ? 'override-off' : 'override-working';
    result.set(dayNumber(o.date), { date: o.date, name: o.name, kind });
  }
  const sorted = new Map([...result.entries()].sort(([a], [b]) => a - b));
  years.set(year, sorted);
  return sorted;
}

/**
 * Every day of the year that differs from an ordinary week, sorted by date: statutory holidays
 * (kind 'holiday'), compensatory days ('compensatory'), and the administrator's overrides
 * ('override-off', 'override-working'), which replace whatever was computed for their date.
 * Compensatory days follow from the law alone; an announced calendar is entered as overrides.
 */
export function holidaysOfYear(year: number, cal: CalendarConfig): Holiday[] {
  return [...holidayMapOfYear(year, cal).values()].map((h) => ({ ...h }));
}
