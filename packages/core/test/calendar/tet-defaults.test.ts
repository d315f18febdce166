import { describe, expect, it } from 'vitest';
import {
  type CalendarConfig,
  DEFAULT_CALENDAR_CONFIG,
  holidaysOfYear,
  isWorkingDay,
  STATUTORY_HOLIDAYS,
  solarToLunar,
} from '../../src/calendar/index.ts';

const cal = DEFAULT_CALENDAR_CONFIG;

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysFrom = (first: string, last: string) => {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
};
const tetDays = (year: number, config: CalendarConfig = cal) =>
  holidaysOfYear(year, config)
    .filter((h) => h.name === 'Tết Nguyên đán')
    .map((h) => h.date);

/**
 * The Tết breaks the Government announced, and the five statutory days inside them (the rest are
 * weekends, Nghỉ bù and swapped days). The default, with no override entered, must give exactly the
 * break: every day of it off, the working days on either side worked.
 */
const ANNOUNCED_BREAKS = [
  { year: 2020, first: '2020-01-23', last: '2020-01-29', weekdays: 'Thu 23 - Wed 29 Jan' },
  { year: 2021, first: '2021-02-10', last: '2021-02-16', weekdays: 'Wed 10 - Tue 16 Feb' },
  { year: 2022, first: '2022-01-29', last: '2022-02-06', weekdays: 'Sat 29 Jan - Sun 6 Feb' },
  { year: 2023, first: '2023-01-20', last: '2023-01-26', weekdays: 'Fri 20 - Thu 26 Jan' },
  { year: 2024, first: '2024-02-08', last: '2024-02-14', weekdays: 'Thu 8 - Wed 14 Feb' },
  { year: 2025, first: '2025-01-25', last: '2025-02-02', weekdays: 'Sat 25 Jan - Sun 2 Feb' },
  { year: 2026, first: '2026-02-14', last: '2026-02-22', weekdays: 'Sat 14 - Sun 22 Feb' },
];

describe('Tết default: the last two days of the old lunar year and the first three of the new', () => {
  it.each(ANNOUNCED_BREAKS)(
    'Tết $year: the default gives the announced break $weekdays, and works the days around it',
    ({ first, last }) => {
      for (const day of daysFrom(first, last)) expect(isWorkingDay(day, cal), day).toBe(false);
      expect(isWorkingDay(addDays(first, -1), cal) || isWorkingDay(addDays(first, -3), cal)).toBe(true);
      expect(isWorkingDay(addDays(last, 1), cal)).toBe(true);
    },
  );

  it.each(ANNOUNCED_BREAKS)(
    'Tết $year: the five days run from the second-last day of the lunar year to mùng 3',
    ({ year }) => {
      const days = tetDays(year);
      expect(days).toHaveLength(5);
      const lunar = days.map((d) => solarToLunar(d));
      expect(lunar.slice(2).map((l) => [l.month, l.day])).toEqual([
        [1, 1],
        [1, 2],
        [1, 3],
      ]);
      expect(lunar.slice(0, 2).every((l) => l.month === 12)).toBe(true);
      expect(solarToLunar(addDays(days[1]!, 1))).toMatchObject({ month: 1, day: 1 });
    },
  );

  it('the former default (last day + mùng 1-4) fits only 2022 and 2026 of these breaks', () => {
    const former: CalendarConfig = { ...cal, tetDaysBeforeNewYear: 1 };
    const fits = ANNOUNCED_BREAKS.filter(({ first, last }) => {
      const inside = daysFrom(first, last).every((d) => !isWorkingDay(d, former));
      return inside && isWorkingDay(addDays(last, 1), former);
    }).map((b) => b.year);
    expect(fits).toEqual([2022, 2026]);
  });

  it('the split stays configurable: with one day before mùng 1, Tết 2025 is Tue 28 Jan - Sat 1 Feb, made up Mon 3 Feb', () => {
    const former: CalendarConfig = { ...cal, tetDaysBeforeNewYear: 1 };
    expect(tetDays(2025, former)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
    ]);
    expect(isWorkingDay('2025-02-03', former)).toBe(false);
    expect(isWorkingDay('2025-01-27', former)).toBe(true);
  });
});

describe('the statutory holidays are data', () => {
  it('a holiday added by law is one row: a day off on 24 November from 2027 (hypothetical), made up when on a weekend', () => {
    const withNewDay: CalendarConfig = {
      ...cal,
      statutoryHolidays: [
        ...STATUTORY_HOLIDAYS,
        { name: 'Ngày lễ mới', rule: { calendar: 'solar', month: 11, day: 24 }, fromYear: 2027 },
      ],
    };
    expect(holidaysOfYear(2026, withNewDay).some((h) => h.date === '2026-11-24')).toBe(false);
    // 24 Nov 2027 is a Wednesday; 24 Nov 2029 a Saturday, made up on Monday 26.
    expect(holidaysOfYear(2027, withNewDay).find((h) => h.date === '2027-11-24')?.kind).toBe('holiday');
    expect(holidaysOfYear(2029, withNewDay).find((h) => h.date === '2029-11-26')?.kind).toBe('compensatory');
  });

  it('the law’s table has the eleven days of Labour Code 2019 art. 112', () => {
    const days = STATUTORY_HOLIDAYS.reduce((n, h) => n + (h.rule.calendar === 'tet' ? h.rule.days : 1), 0);
    expect(days).toBe(11);
  });
});
