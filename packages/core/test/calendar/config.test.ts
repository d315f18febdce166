import { describe, expect, it } from 'vitest';
import {
  CalendarConfigError,
  DEFAULT_CALENDAR_CONFIG,
  holidaysOfYear,
  isWorkingDay,
  parseCalendarConfig,
} from '../../src/calendar/index.ts';
import { CAL_2026 } from './fixtures.ts';

const valid = {
  weeklyDaysOff: ['saturday', 'sunday'],
  workingPeriods: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  afternoonCutoff: '15:00',
  overrides: [{ date: '2026-08-22', kind: 'working', name: 'Làm bù cho ngày 31/8' }],
};

function problemsOf(input: unknown): string[] {
  try {
    parseCalendarConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarConfigError);
    return (e as CalendarConfigError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

describe('calendar configuration', () => {
  it('the default is Saturday and Sunday off, 07:30-11:30 and 13:30-17:00, cut-off 15:00, no overrides', () => {
    expect(parseCalendarConfig(DEFAULT_CALENDAR_CONFIG)).toEqual({ ...valid, overrides: [] });
    expect(Object.isFrozen(DEFAULT_CALENDAR_CONFIG.workingPeriods)).toBe(true);
    expect(parseCalendarConfig(CAL_2026).overrides).toHaveLength(11);
  });

  it.each([
    [
      'a clock time without its leading zero',
      { afternoonCutoff: '7:30' },
      'afternoonCutoff: must be a clock time as HH:MM',
    ],
    ['an hour past 23', { afternoonCutoff: '24:00' }, 'afternoonCutoff: must be a clock time as HH:MM'],
    [
      'a period that ends before it starts',
      { workingPeriods: [{ start: '11:30', end: '07:30' }] },
      'workingPeriods[0]: a working period must end after it starts',
    ],
    [
      'periods out of order',
      {
        workingPeriods: [
          { start: '13:30', end: '17:00' },
          { start: '07:30', end: '11:30' },
        ],
      },
      'workingPeriods[1].start: starts at 07:30, before the previous period ends at 17:00',
    ],
    [
      'overlapping periods',
      {
        workingPeriods: [
          { start: '07:30', end: '12:00' },
          { start: '11:30', end: '17:00' },
        ],
      },
      'workingPeriods[1].start: starts at 11:30, before the previous period ends at 12:00',
    ],
    ['no working period', { workingPeriods: [] }, 'workingPeriods: '],
    [
      'every day of the week off',
      { weeklyDaysOff: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] },
      'weeklyDaysOff: at least one day a week must be a working day',
    ],
    [
      'a weekday twice',
      { weeklyDaysOff: ['sunday', 'sunday'] },
      'weeklyDaysOff: lists the same weekday twice',
    ],
    ['an unknown weekday', { weeklyDaysOff: ['caturday'] }, 'weeklyDaysOff[0]: '],
    [
      'an impossible override date',
      { overrides: [{ date: '2026-02-30', kind: 'off', name: 'x' }] },
      'overrides[0].date: must be a date as YYYY-MM-DD',
    ],
    [
      'two overrides for one date',
      {
        overrides: [
          { date: '2026-08-31', kind: 'off', name: 'Nghỉ' },
          { date: '2026-08-31', kind: 'working', name: 'Làm' },
        ],
      },
      'overrides[1].date: 2026-08-31 is already set by overrides[0]',
    ],
    [
      'an override without a name',
      { overrides: [{ date: '2026-08-31', kind: 'off', name: ' ' }] },
      'overrides[0].name: ',
    ],
  ])('rejects %s with a message naming the field', (_what, change, message) => {
    const problems = problemsOf({ ...valid, ...change });
    expect(
      problems.some((p) => p.startsWith(message)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('touching periods are allowed', () => {
    expect(
      problemsOf({
        ...valid,
        workingPeriods: [
          { start: '07:30', end: '11:30' },
          { start: '11:30', end: '17:00' },
        ],
      }),
    ).toEqual([]);
  });

  it('the error message lists every problem', () => {
    expect(() => parseCalendarConfig({ ...valid, afternoonCutoff: '3pm', workingPeriods: [] })).toThrow(
      /invalid calendar configuration: .*workingPeriods.*afternoonCutoff: must be a clock time/,
    );
  });

  it('the calendar functions refuse an invalid config instead of computing with it', () => {
    const broken = { ...DEFAULT_CALENDAR_CONFIG, afternoonCutoff: '25:00' };
    expect(() => isWorkingDay('2026-03-02', broken)).toThrow(CalendarConfigError);
    expect(() => holidaysOfYear(2026, broken)).toThrow(CalendarConfigError);
  });
});
