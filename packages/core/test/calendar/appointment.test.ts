import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AppointmentProcessingTime,
  appointmentDate,
  countingStart,
  DEFAULT_CALENDAR_CONFIG,
  endOfWorkingDay,
  isWorkingDay,
  startOfWorkingDay,
} from '../../src/calendar/index.ts';
import { CAL_2026, local, vn } from './fixtures.ts';

const cal = DEFAULT_CALENDAR_CONFIG;
const due = (received: string, value: number, unit: AppointmentProcessingTime['unit'], c = cal) =>
  local(appointmentDate(vn(received), { value, unit }, c));

describe('countingStart: the afternoon cut-off (15:00)', () => {
  it.each([
    ['2026-03-09T09:00', '2026-03-09 09:00', 'Monday morning: counts from receipt'],
    ['2026-03-09T15:00', '2026-03-09 15:00', 'exactly 15:00 is not after the cut-off'],
    ['2026-03-09T15:01', '2026-03-10 07:30', 'after the cut-off: from the next working day'],
    ['2026-03-13T16:00', '2026-03-16 07:30', 'Friday after the cut-off: from Monday'],
    ['2026-03-14T10:00', '2026-03-16 07:30', 'Saturday (online): from Monday'],
    ['2026-02-12T16:00', '2026-02-13 07:30', 'Thursday before Tết 2026, after the cut-off: Friday'],
    ['2026-02-13T16:00', '2026-02-23 07:30', 'Friday before Tết 2026, after the cut-off: after Tết'],
  ])('received %s: counting starts %s (%s)', (received, expected) => {
    expect(local(countingStart(vn(received), cal))).toBe(expected);
  });
});

describe('appointmentDate in working days', () => {
  it.each([
    ['2026-03-09T09:00', 3, '2026-03-12 09:00', 'Monday 09:00, before the cut-off: Thursday 09:00'],
    ['2026-03-09T16:00', 3, '2026-03-12 17:00', 'Monday 16:00, after the cut-off: end of Thursday'],
    ['2026-03-09T15:00', 3, '2026-03-12 15:00', 'Monday at the cut-off exactly: Thursday 15:00'],
    ['2026-03-14T10:00', 3, '2026-03-18 17:00', 'Saturday: Monday is day 1, end of Wednesday'],
    ['2026-03-09T06:00', 3, '2026-03-11 17:00', 'Monday before opening: Monday is day 1, end of Wednesday'],
    ['2026-03-13T10:00', 1, '2026-03-16 10:00', 'Friday + 1 over the weekend'],
    ['2026-02-13T09:00', 3, '2026-02-25 09:00', 'Friday before Tết 2026: 23, 24, 25 Feb'],
    ['2026-02-12T16:00', 3, '2026-02-24 17:00', 'Thursday before Tết, after the cut-off: 13, 23, 24 Feb'],
    ['2026-04-24T10:00', 1, '2026-04-28 10:00', 'Giỗ Tổ 2026 on Sunday: Monday 27 Apr is Nghỉ bù'],
    ['2026-04-29T10:00', 1, '2026-05-04 10:00', '30 Apr and 1 May'],
    // Tết 2023 runs Fri 20 (29 tháng Chạp) to Tue 24 Jan with Nghỉ bù on 25 and 26, as announced:
    // the day after Thursday 19 is Friday 27.
    ['2023-01-19T10:00', 1, '2023-01-27 10:00', 'Tết 2023 over a weekend: two Nghỉ bù days (25, 26 Jan)'],
    ['2026-03-09T09:00', 15, '2026-03-30 09:00', 'fifteen working days: three weeks'],
  ])('received %s, %i working days: due %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'working_days')).toBe(expected);
  });

  it.each([
    ['2026-08-21T09:00', 1, '2026-08-22 09:00', 'make-up Saturday 22 Aug 2026 counts'],
    ['2026-08-22T10:00', 1, '2026-08-24 10:00', 'received on the make-up Saturday itself'],
    ['2026-08-28T10:00', 2, '2026-09-04 10:00', '31 Aug (swapped), 1-2 Sep off: 3 and 4 Sep'],
    ['2026-02-12T10:00', 1, '2026-02-13 10:00', 'Friday 13 Feb still worked before the announced Tết'],
    [
      '2026-02-13T16:00',
      1,
      '2026-02-23 17:00',
      'after the cut-off on the last day before Tết: end of 23 Feb',
    ],
  ])('with the 2026 announcement: received %s, %i working days: due %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'working_days', CAL_2026)).toBe(expected);
  });

  it.each([
    ['2026-03-09T09:00', '2026-03-09 17:00', 'before the cut-off: end of the same day'],
    ['2026-03-09T16:00', '2026-03-10 17:00', 'after the cut-off: end of the next working day'],
    ['2026-03-13T16:00', '2026-03-16 17:00', 'Friday after the cut-off: end of Monday'],
    ['2026-03-14T10:00', '2026-03-16 17:00', 'Saturday: end of Monday'],
    ['2026-02-13T15:30', '2026-02-23 17:00', 'last afternoon before Tết 2026: end of the first day after'],
  ])('received %s, 0 working days (trong ngày): due %s (%s)', (received, expected) => {
    expect(due(received, 0, 'working_days')).toBe(expected);
  });
});

describe('appointmentDate in calendar days', () => {
  it.each([
    ['2026-03-09T09:00', 3, '2026-03-12 17:00', 'Monday + 3 days: end of Thursday'],
    [
      '2026-03-09T09:00',
      5,
      '2026-03-16 17:00',
      'ends on Saturday 14: end of the next working day (art. 148(5))',
    ],
    ['2026-03-09T16:00', 3, '2026-03-13 17:00', 'after the cut-off: counted from Tuesday'],
    ['2026-02-11T09:00', 5, '2026-02-23 17:00', 'ends on Monday 16 Feb, in Tết 2026: end of 23 Feb'],
    ['2026-04-17T09:00', 10, '2026-04-28 17:00', 'ends on 27 Apr 2026, the Nghỉ bù for Giỗ Tổ'],
    ['2026-03-09T09:00', 0, '2026-03-09 17:00', 'zero days: end of the day'],
  ])('received %s, %i calendar days: due %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'calendar_days')).toBe(expected);
  });

  it('with the 2026 announcement, a period ending on Saturday 22 Aug 2026 (worked) ends that day', () => {
    expect(due('2026-08-12T09:00', 10, 'calendar_days', CAL_2026)).toBe('2026-08-22 17:00');
    expect(due('2026-08-12T09:00', 10, 'calendar_days', cal)).toBe('2026-08-24 17:00');
  });
});

describe('appointmentDate in working hours', () => {
  it.each([
    ['2026-03-09T09:00', 8, '2026-03-10 09:30', 'Monday 09:00 + 8 h: 6 h on Monday, 2 h on Tuesday'],
    ['2026-03-09T16:00', 8, '2026-03-11 08:00', 'after the cut-off: from Tuesday 07:30, 7.5 h that day'],
    ['2026-03-14T10:00', 4, '2026-03-16 11:30', 'Saturday: the whole Monday morning'],
    ['2026-03-09T12:00', 2, '2026-03-09 15:30', 'received in the lunch break: from 13:30'],
    ['2026-02-13T14:00', 4, '2026-02-23 08:30', 'across Tết 2026: 3 h on Friday, 1 h after'],
  ])('received %s, %f working hours: due %s (%s)', (received, hours, expected) => {
    expect(due(received, hours, 'working_hours')).toBe(expected);
  });
});

describe('appointmentDate: invalid input', () => {
  it('rejects fractional or negative day counts and negative hours', () => {
    expect(() => appointmentDate(vn('2026-03-09T09:00'), { value: 0.5, unit: 'working_days' }, cal)).toThrow(
      /whole number/,
    );
    expect(() => appointmentDate(vn('2026-03-09T09:00'), { value: -1, unit: 'calendar_days' }, cal)).toThrow(
      RangeError,
    );
    expect(() => appointmentDate(vn('2026-03-09T09:00'), { value: -1, unit: 'working_hours' }, cal)).toThrow(
      RangeError,
    );
    expect(() => appointmentDate(new Date(Number.NaN), { value: 1, unit: 'working_hours' }, cal)).toThrow(
      RangeError,
    );
  });
});

describe('appointmentDate: properties', () => {
  const FROM = vn('2025-06-01T00:00').getTime();
  const receivedArb = fc
    .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 1439 }))
    .map(([day, minute]) => new Date(FROM + (day * 1440 + minute) * 60_000));
  const timeArb: fc.Arbitrary<AppointmentProcessingTime> = fc.oneof(
    fc.record({
      value: fc.integer({ min: 0, max: 30 }),
      unit: fc.constantFrom('working_days', 'calendar_days'),
    }),
    fc.record({ value: fc.integer({ min: 0, max: 120 }), unit: fc.constant('working_hours') }),
  );
  const calArb = fc.constantFrom(cal, CAL_2026);

  it('is due no earlier than the receipt, on a working day, within its working hours', () => {
    fc.assert(
      fc.property(calArb, receivedArb, timeArb, (c, received, time) => {
        const at = appointmentDate(received, time, c);
        expect(at.getTime()).toBeGreaterThanOrEqual(received.getTime());
        if (time.value > 0 || time.unit !== 'working_hours') {
          expect(isWorkingDay(at, c)).toBe(true);
          expect(at.getTime()).toBeGreaterThanOrEqual(startOfWorkingDay(at, c).getTime());
          expect(at.getTime()).toBeLessThanOrEqual(endOfWorkingDay(at, c).getTime());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a later receipt or a longer time is never due earlier', () => {
    fc.assert(
      fc.property(calArb, receivedArb, receivedArb, timeArb, (c, x, y, time) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        const first = appointmentDate(early, time, c).getTime();
        expect(first).toBeLessThanOrEqual(appointmentDate(late, time, c).getTime());
        expect(first).toBeLessThanOrEqual(
          appointmentDate(early, { ...time, value: time.value + 1 }, c).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });
});
