import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  type CalendarConfig,
  type CalendarOverride,
  DEFAULT_CALENDAR_CONFIG,
  endOfWorkingDay,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  startOfWorkingDay,
  vietnamDateOf,
  WEEKDAYS,
  workingDaysBetween,
  workingHoursBetween,
} from '../../src/calendar/index.ts';
import { CAL_2026, local, vn } from './fixtures.ts';

const cal = DEFAULT_CALENDAR_CONFIG;

describe('the Vietnamese day of an instant (fixed UTC+7)', () => {
  it('17:00 UTC is already the next day in Vietnam', () => {
    expect(vietnamDateOf(new Date('2026-03-08T16:59:59Z'))).toBe('2026-03-08');
    expect(vietnamDateOf(new Date('2026-03-08T17:00:00Z'))).toBe('2026-03-09');
  });

  it('an instant that is Sunday in UTC but Monday 01:00 in Vietnam is on a working day', () => {
    expect(isWorkingDay(new Date('2026-03-08T18:00:00Z'), cal)).toBe(true);
  });

  it('opening and closing of a day', () => {
    expect(startOfWorkingDay('2026-03-09', cal).toISOString()).toBe('2026-03-09T00:30:00.000Z');
    expect(endOfWorkingDay('2026-03-09', cal).toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });
});

describe('isWorkingDay, nextWorkingDay, previousWorkingDay', () => {
  it.each([
    ['2026-03-09', true, 'an ordinary Monday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-02-16', false, 'Tết 2026: 29 tháng Chạp'],
    ['2026-02-17', false, 'Tết 2026: mùng 1'],
    ['2026-04-27', false, 'Nghỉ bù for Giỗ Tổ on Sunday 26 Apr 2026'],
    ['2026-08-22', false, 'Saturday 22 Aug 2026 without the announced overrides'],
    ['2026-08-31', true, 'Monday 31 Aug 2026 without the announced overrides'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it.each([
    ['2026-08-22', true, 'make-up working Saturday'],
    ['2026-08-31', false, 'swapped with 22 Aug'],
    ['2026-02-14', false, 'announced Tết break'],
  ])('with the 2026 announcement, %s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, CAL_2026)).toBe(expected);
  });

  it.each([
    ['2026-02-13', '2026-02-23', 'Friday before Tết 2026: next is Monday after it'],
    ['2026-04-24', '2026-04-28', 'Friday before Giỗ Tổ weekend: Monday 27 is Nghỉ bù'],
    ['2026-04-29', '2026-05-04', '30 Apr and 1 May 2026 are Thursday and Friday'],
    ['2026-08-31', '2026-09-03', 'by default 1 Sep is the day added to Wednesday 2 Sep 2026'],
  ])('nextWorkingDay(%s) is %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date, cal)).toBe(expected);
  });

  it('with the 2026 announcement, the Friday before 31 Aug is followed by Thursday 3 Sep', () => {
    expect(nextWorkingDay('2026-08-28', cal)).toBe('2026-08-31');
    expect(nextWorkingDay('2026-08-28', CAL_2026)).toBe('2026-09-03');
  });

  it('previousWorkingDay steps back over Tết and weekends', () => {
    expect(previousWorkingDay('2026-02-23', cal)).toBe('2026-02-13');
    expect(previousWorkingDay('2026-08-24', CAL_2026)).toBe('2026-08-22');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-09T09:00', 3, '2026-03-12 09:00', 'Monday 09:00 + 3: Thursday, same clock time'],
    ['2026-03-13T10:00', 1, '2026-03-16 10:00', 'Friday + 1 skips the weekend'],
    ['2026-02-13T10:00', 1, '2026-02-23 10:00', 'Friday before Tết 2026 + 1: the Monday after Tết'],
    ['2026-04-24T10:00', 1, '2026-04-28 10:00', 'Giỗ Tổ on Sunday 26 Apr: Monday 27 is Nghỉ bù'],
    ['2026-03-09T12:00', 1, '2026-03-10 12:00', 'the lunch break keeps its clock time'],
    ['2026-03-14T10:00', 1, '2026-03-16 17:00', 'Saturday counts from Friday closing: end of Monday'],
    ['2026-03-09T18:00', 1, '2026-03-10 17:00', 'after closing counts from that closing: end of Tuesday'],
    [
      '2026-03-09T07:00',
      1,
      '2026-03-09 17:00',
      'before opening counts from the previous closing: end of Monday',
    ],
    ['2026-03-09T07:30', 1, '2026-03-09 17:00', 'exactly at opening, likewise'],
    ['2026-03-09T17:00', 1, '2026-03-10 17:00', 'exactly at closing is still in the day'],
    ['2026-03-09T09:00', 0, '2026-03-09 09:00', 'zero days is the instant itself'],
  ])('%s + %i working days = %s (%s)', (start, n, expected) => {
    expect(local(addWorkingDays(vn(start), n, cal))).toBe(expected);
  });

  it.each([
    ['2026-08-21T10:00', 1, '2026-08-22 10:00', 'make-up Saturday 22 Aug 2026 is a working day'],
    ['2026-08-21T10:00', 2, '2026-08-24 10:00', 'then Sunday is skipped'],
    ['2026-08-28T10:00', 1, '2026-09-03 10:00', '31 Aug (swapped), 1 and 2 Sep off'],
    ['2026-02-12T10:00', 2, '2026-02-23 10:00', 'the whole announced Tết break 14-22 Feb'],
  ])('with the 2026 announcement: %s + %i = %s (%s)', (start, n, expected) => {
    expect(local(addWorkingDays(vn(start), n, CAL_2026))).toBe(expected);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays(vn('2026-03-09T09:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(vn('2026-03-09T09:00'), 1.5, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-03-09T09:00', '2026-03-12T09:00', 3, 'Monday to Thursday'],
    ['2026-03-09T09:00', '2026-03-09T18:00', 0, 'same day, after closing'],
    ['2026-03-13T09:00', '2026-03-16T08:00', 1, 'Friday to Monday'],
    ['2026-02-13T09:00', '2026-02-23T09:00', 1, 'across Tết 2026'],
    ['2026-03-12T09:00', '2026-03-09T09:00', -3, 'backwards is negative'],
  ])('%s → %s: %i (%s)', (a, b, expected) => {
    expect(workingDaysBetween(vn(a), vn(b), cal)).toBe(expected);
  });
});

describe('addWorkingHours and workingHoursBetween', () => {
  it.each([
    ['2026-03-09T10:00', 1, '2026-03-09 11:00', 'within the morning'],
    ['2026-03-09T10:00', 1.5, '2026-03-09 11:30', 'ends exactly at the end of the morning, not at 13:30'],
    ['2026-03-09T10:00', 2, '2026-03-09 14:00', 'skips the lunch break'],
    ['2026-03-09T12:15', 1, '2026-03-09 14:30', 'from inside the lunch break'],
    ['2026-03-09T16:00', 1.5, '2026-03-10 08:00', 'over the night'],
    ['2026-03-13T16:00', 8, '2026-03-16 16:30', 'Friday 16:00 + 8 h: 1 h Friday, 7 h Monday'],
    ['2026-03-09T07:30', 7.5, '2026-03-09 17:00', 'one default working day is 7.5 hours'],
    ['2026-02-13T16:00', 2, '2026-02-23 08:30', 'over Tết 2026'],
    ['2026-03-14T10:00', 0, '2026-03-14 10:00', 'zero hours is the instant itself'],
  ])('%s + %f working hours = %s (%s)', (start, hours, expected) => {
    expect(local(addWorkingHours(vn(start), hours, cal))).toBe(expected);
    if (hours > 0)
      expect(workingHoursBetween(vn(start), addWorkingHours(vn(start), hours, cal), cal)).toBe(hours);
  });

  it('with the 2026 announcement, the make-up Saturday has working hours', () => {
    expect(local(addWorkingHours(vn('2026-08-21T16:00'), 2, CAL_2026))).toBe('2026-08-22 08:30');
    expect(workingHoursBetween(vn('2026-08-21T00:00'), vn('2026-08-25T00:00'), CAL_2026)).toBe(7.5 * 3);
  });

  it('working hours between is negative backwards and zero outside working time', () => {
    expect(workingHoursBetween(vn('2026-03-10T09:00'), vn('2026-03-09T09:00'), cal)).toBe(-7.5);
    expect(workingHoursBetween(vn('2026-03-09T17:30'), vn('2026-03-10T07:00'), cal)).toBe(0);
  });

  it('rejects negative or non-finite hours', () => {
    expect(() => addWorkingHours(vn('2026-03-09T09:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(vn('2026-03-09T09:00'), Number.NaN, cal)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over the default calendar, the 2026 announcement and randomly built calendars.

const MINUTE = 60_000;
const FROM = vn('2025-06-01T00:00').getTime();
const SPAN_MINUTES = 2 * 366 * 24 * 60; // two years, so Tết and every other holiday come up

/** Instants, often exactly on the boundaries that matter (opening, lunch, cut-off, closing, midnight). */
const instantArb = fc
  .tuple(
    fc.integer({ min: 0, max: SPAN_MINUTES / 1440 }),
    fc.oneof(
      fc.constantFrom(0, 7 * 60 + 30, 11 * 60 + 30, 13 * 60 + 30, 15 * 60, 17 * 60, 8 * 60, 13 * 60),
      fc.integer({ min: 0, max: 1439 }),
    ),
    fc.integer({ min: 0, max: 59_999 }),
    fc.boolean(),
  )
  .map(([day, minute, ms, exact]) => new Date(FROM + (day * 1440 + minute) * MINUTE + (exact ? 0 : ms)));

const periodsArb = fc.constantFrom(
  DEFAULT_CALENDAR_CONFIG.workingPeriods,
  [{ start: '08:00', end: '17:00' }],
  [
    { start: '07:00', end: '11:00' },
    { start: '11:00', end: '12:00' },
    { start: '14:00', end: '18:30' },
  ],
);

const overrideArb: fc.Arbitrary<CalendarOverride> = fc.record({
  date: fc
    .integer({ min: 0, max: SPAN_MINUTES / 1440 })
    .map((d) => vietnamDateOf(new Date(FROM + d * 1440 * MINUTE))),
  kind: fc.constantFrom('off', 'working'),
  name: fc.constant('Ngày điều chỉnh'),
});

const randomCalendarArb: fc.Arbitrary<CalendarConfig> = fc.record({
  weeklyDaysOff: fc.subarray([...WEEKDAYS], { maxLength: 3 }),
  workingPeriods: periodsArb,
  afternoonCutoff: fc.constantFrom('15:00', '16:30'),
  overrides: fc.uniqueArray(overrideArb, { maxLength: 12, selector: (o) => o.date }),
});

const calendarArb = fc.oneof(fc.constant(DEFAULT_CALENDAR_CONFIG), fc.constant(CAL_2026), randomCalendarArb);
const daysArb = fc.integer({ min: 0, max: 40 });
const RUNS = { numRuns: 200 };

describe('properties of addWorkingDays and workingDaysBetween', () => {
  it('adding n ≥ 1 working days never lands on a day off, nor outside the working day', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 40 }), (c, start, n) => {
        const due = addWorkingDays(start, n, c);
        expect(isWorkingDay(due, c)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(startOfWorkingDay(due, c).getTime());
        expect(due.getTime()).toBeLessThanOrEqual(endOfWorkingDay(due, c).getTime());
      }),
      RUNS,
    );
  });

  it('workingDaysBetween(start, addWorkingDays(start, n)) === n', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, daysArb, (c, start, n) => {
        expect(workingDaysBetween(start, addWorkingDays(start, n, c), c)).toBe(n);
        expect(workingDaysBetween(addWorkingDays(start, n, c), start, c)).toBe(0 - n);
      }),
      RUNS,
    );
  });

  it('is increasing in n and non-decreasing in the start instant', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, daysArb, (c, a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(early, n, c).getTime()).toBeLessThanOrEqual(
          addWorkingDays(late, n, c).getTime(),
        );
        expect(addWorkingDays(early, n + 1, c).getTime()).toBeGreaterThan(
          addWorkingDays(early, n, c).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('nextWorkingDay is a working day, with only days off in between', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (c, at) => {
        const date = vietnamDateOf(at);
        const next = nextWorkingDay(date, c);
        expect(isWorkingDay(next, c)).toBe(true);
        expect(previousWorkingDay(next, c) <= date || !isWorkingDay(previousWorkingDay(next, c), c)).toBe(
          true,
        );
        for (
          let d = new Date(`${date}T12:00:00+07:00`);
          vietnamDateOf(d) < next;
          d = new Date(d.getTime() + 86_400_000)
        ) {
          if (vietnamDateOf(d) > date) expect(isWorkingDay(d, c)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

describe('properties of addWorkingHours and workingHoursBetween', () => {
  const minutesArb = fc.integer({ min: 0, max: 60 * 7.5 * 25 }); // up to about 25 working days

  it('round-trip: workingHoursBetween(a, addWorkingHours(a, h)) === h', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (c, a, minutes) => {
        const due = addWorkingHours(a, minutes / 60, c);
        expect(Math.round(workingHoursBetween(a, due, c) * 60)).toBe(minutes);
      }),
      RUNS,
    );
  });

  it('round-trip: addWorkingHours(a, workingHoursBetween(a, b)) is the earliest instant with as much working time as b', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, (c, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const back = addWorkingHours(a, workingHoursBetween(a, b, c), c);
        expect(back.getTime()).toBeLessThanOrEqual(b.getTime());
        expect(workingHoursBetween(back, b, c)).toBe(0);
      }),
      RUNS,
    );
  });

  it('is non-decreasing in the hours and in the start instant', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, minutesArb, minutesArb, (c, x, y, m1, m2) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const [h1, h2] = m1 <= m2 ? [m1 / 60, m2 / 60] : [m2 / 60, m1 / 60];
        expect(addWorkingHours(a, h1, c).getTime()).toBeLessThanOrEqual(addWorkingHours(a, h2, c).getTime());
        expect(addWorkingHours(a, h1, c).getTime()).toBeLessThanOrEqual(addWorkingHours(b, h1, c).getTime());
      }),
      RUNS,
    );
  });

  it('working time adds up: between(a, b) + between(b, c) === between(a, c)', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (c, x, y, z) => {
        const ms = (p: Date, q: Date) => Math.round(workingHoursBetween(p, q, c) * 3_600_000);
        expect(ms(x, y) + ms(y, z)).toBe(ms(x, z));
      }),
      RUNS,
    );
  });
});
