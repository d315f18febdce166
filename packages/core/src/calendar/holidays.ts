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

const TET_DUONG_LICH = 'Tết Dương lịch';
const TET_NGUYEN_DAN = 'Tết Nguyên đán';
const GIO_TO = 'Giỗ Tổ Hùng Vương';
const CHIEN_THANG = 'Ngày Chiến thắng';
const LAO_DONG = 'Ngày Quốc tế Lao động';
const QUOC_KHANH = 'Quốc khánh';
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

/** The holidays the law fixes for a year, by day number. */
function statutoryHolidays(year: number, isWeeklyDayOff: IsWeeklyDayOff): Map<number, string> {
  const days = new Map<number, string>();
  const add = (day: number, name: string) => {
    // Two holidays on one date (Giỗ Tổ on 30 April, as in 1947) make one day off: the law gives a
    // compensatory day only for a holiday on a weekly day off.
    const existing = days.get(day);
    days.set(day, existing && existing !== name ? `${existing}, ${name}` : name);
  };
  add(dayNumberOf(year, 1, 1), TET_DUONG_LICH);
  // Tết: the last day of the old lunar year and days 1-4 of the new one, the usual announced pattern.
  const tet = dayNumber(lunarNewYear(year));
  for (let day = tet - 1; day <= tet + 3; day++) add(day, TET_NGUYEN_DAN);
  add(dayNumber(lunarToSolar({ day: 10, month: 3, year, leap: false })), GIO_TO);
  add(dayNumberOf(year, 4, 30), CHIEN_THANG);
  add(dayNumberOf(year, 5, 1), LAO_DONG);
  add(dayNumberOf(year, 9, 2), QUOC_KHANH);
  add(nationalDayAdjacentDay(year, isWeeklyDayOff), QUOC_KHANH);
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
  const statutory = statutoryHolidays(year, isWeeklyDayOff);
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
