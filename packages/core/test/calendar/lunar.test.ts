import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, isoDate } from '../../src/calendar/civil-date.ts';
import { lunarNewYear, lunarToSolar, solarToLunar } from '../../src/calendar/index.ts';
import { newMoonJde, sunApparentLongitude } from '../../src/calendar/lunar.ts';

const CHINA_UTC_OFFSET_HOURS = 8;

describe("the astronomy reproduces Meeus' worked examples", () => {
  it('example 49.a: the new moon of 1977 February 18, JDE 2443192.65118', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  it("example 25.a: the Sun's apparent longitude on 1992 October 13.0 TD is 199.90895°", () => {
    expect(sunApparentLongitude(2448908.5)).toBeCloseTo(199.90895, 4);
  });
});

describe('Tết Nguyên đán (1 January of the lunar year)', () => {
  it.each([
    [1900, '1900-01-31'],
    [1950, '1950-02-17'],
    [2000, '2000-02-05'],
    [2008, '2008-02-07'],
    [2012, '2012-01-23'],
    [2015, '2015-02-19'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2031, '2031-01-23'],
  ])('Tết %i is %s (same date in Vietnam and China)', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  // The new moon falls between 16:00 and 17:00 UTC: before midnight at UTC+7, after it at UTC+8.
  // 1985 differs by a month: at UTC+7 the month after the solstice month starts a day earlier, so
  // 1984 has no leap month in Vietnam (China has a leap 10th month) and Tết comes a month earlier.
  it.each([
    [1968, '1968-01-29', '1968-01-30', 'the Tết of 1968, first year of Vietnam at UTC+7'],
    [1969, '1969-02-16', '1969-02-17', 'new moon shortly before midnight at UTC+7'],
    [1985, '1985-01-21', '1985-02-20', 'leap month placed differently, a month apart'],
    [2007, '2007-02-17', '2007-02-18', 'new moon 16:14 UTC on 17 Feb'],
    [2030, '2030-02-02', '2030-02-03', 'new moon 16:07 UTC on 2 Feb'],
    [2053, '2053-02-18', '2053-02-19', 'new moon shortly before midnight at UTC+7'],
  ])('Tết %i is %s in Vietnam but %s in China (%s)', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarNewYear(year, CHINA_UTC_OFFSET_HOURS)).toBe(china);
  });

  it('1985: the same day is 1/1 Ất Sửu in Vietnam and 1/12 Giáp Tý in China', () => {
    expect(solarToLunar('1985-01-21')).toEqual({ day: 1, month: 1, year: 1985, leap: false });
    expect(solarToLunar('1985-01-21', CHINA_UTC_OFFSET_HOURS)).toEqual({
      day: 1,
      month: 12,
      year: 1984,
      leap: false,
    });
    expect(solarToLunar('1984-11-23', CHINA_UTC_OFFSET_HOURS)).toEqual({
      day: 1,
      month: 10,
      year: 1984,
      leap: true,
    });
    expect(lunarToSolar({ day: 1, month: 2, year: 1985, leap: true })).toBe('1985-03-21');
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'], // late: the leap 2nd month comes first
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ %i is %s', (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year, leap: false });
  });
});

describe('leap months (tháng nhuận)', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
    [2033, 11, '2033-12-22'], // the "2033 problem": a leap 11th month, after the winter solstice
  ])('%i has a leap month %i starting %s', (year, month, date) => {
    expect(lunarToSolar({ day: 1, month, year, leap: true })).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month, year, leap: true });
  });

  it('Tết Trung thu (15/8) 2025 is 6 Oct, after the leap 6th month', () => {
    expect(lunarToSolar({ day: 15, month: 8, year: 2025, leap: false })).toBe('2025-10-06');
  });
});

describe('invalid input', () => {
  it('rejects a leap month the year does not have', () => {
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toThrow(/no leap month 5/);
  });

  it('rejects day 30 of a 29-day month (tháng thiếu)', () => {
    // Month 12 of Ất Tỵ (2025) has 29 days: Tết 2026 follows 29 tháng Chạp.
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(RangeError);
    expect(lunarToSolar({ day: 29, month: 12, year: 2025, leap: false })).toBe('2026-02-16');
  });

  it('rejects years outside 1900-2199 and malformed dates', () => {
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => solarToLunar('2200-01-01')).toThrow(RangeError);
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2025, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 1899, leap: false })).toThrow(RangeError);
  });

  it('covers the ends of the range', () => {
    expect(solarToLunar('1900-01-01')).toEqual({ day: 1, month: 12, year: 1899, leap: false });
    expect(solarToLunar('2199-12-31')).toEqual({ day: 14, month: 11, year: 2199, leap: false });
  });
});

describe('properties', () => {
  const FIRST = dayNumberOf(1900, 1, 1);
  const LAST = dayNumberOf(2199, 12, 31);
  const anyDate = fc.integer({ min: FIRST, max: LAST }).map(isoDate);

  it('lunarToSolar inverts solarToLunar', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(lunarToSolar(solarToLunar(date))).toBe(date);
      }),
      { numRuns: 300 },
    );
  });

  it('the next day is the next lunar day, or day 1 of the next month after day 29 or 30', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST - 1 }), (day) => {
        const today = solarToLunar(isoDate(day));
        const tomorrow = solarToLunar(isoDate(day + 1));
        if (tomorrow.day === 1) {
          expect([29, 30]).toContain(today.day);
          const sameNumber = tomorrow.month === today.month && tomorrow.leap && !today.leap;
          expect(sameNumber || tomorrow.month === (today.month % 12) + 1).toBe(true);
        } else {
          expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every lunar year from 1900 to 2199 has 12 or 13 months and 353-385 days', () => {
    for (let year = 1900; year < 2199; year++) {
      const days = dayNumberOf(...ymd(lunarNewYear(year + 1))) - dayNumberOf(...ymd(lunarNewYear(year)));
      expect(
        days === 353 || days === 354 || days === 355 || (days >= 383 && days <= 385),
        `${year}: ${days}`,
      ).toBe(true);
    }
  });
});

function ymd(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}
