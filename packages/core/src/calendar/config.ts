import { z } from 'zod';
import { formatPath } from '../i18n/validation.ts';
import { type IsoDate, isIsoDate } from './civil-date.ts';
import { STATUTORY_HOLIDAYS, type StatutoryHoliday, statutoryHolidaySchema } from './statutory.ts';

/**
 * One agency's working calendar (lịch làm việc), DOMAIN.md §4: what the law fixes is computed in
 * holidays.ts; what each agency or year decides lives here as data an administrator edits.
 */

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
/** Indexed as `Date#getUTCDay`: 0 = Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];

export const OVERRIDE_KINDS = ['off', 'working'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const clockTime = z.string().regex(CLOCK_TIME, { message: 'must be a clock time as HH:MM, 00:00 to 23:59' });

export const workingPeriodSchema = z
  .object({ start: clockTime, end: clockTime })
  // Only meaningful once both times are well formed; a malformed one is reported on its own.
  .refine((p) => !CLOCK_TIME.test(p.start) || !CLOCK_TIME.test(p.end) || p.start < p.end, {
    message: 'a working period must end after it starts',
  });

/** An announced change for one day: an extra day off, or a make-up working day (ngày làm bù). */
export const calendarOverrideSchema = z.object({
  date: z.string().refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD' }),
  kind: z.enum(OVERRIDE_KINDS),
  name: z.string().trim().min(1).max(300),
});

export const calendarConfigSchema = z
  .object({
    weeklyDaysOff: z
      .array(z.enum(WEEKDAYS))
      .max(6, { message: 'at least one day a week must be a working day' }),
    /** In order through the day, e.g. morning and afternoon (ca sáng, ca chiều). */
    workingPeriods: z.array(workingPeriodSchema).min(1).max(10),
    /** A dossier received after this time counts from the next working day. */
    afternoonCutoff: clockTime,
    overrides: z.array(calendarOverrideSchema).max(5000),
    /** Of Tết's days, how many come before mùng 1; 2 when absent (statutory.ts). */
    tetDaysBeforeNewYear: z.number().int().min(0).max(10).optional(),
    /** The holidays of the law; Labour Code 2019 art. 112 when absent (statutory.ts). */
    statutoryHolidays: z.array(statutoryHolidaySchema).max(100).optional(),
  })
  .superRefine((cal, ctx) => {
    if (new Set(cal.weeklyDaysOff).size !== cal.weeklyDaysOff.length) {
      ctx.addIssue({ code: 'custom', path: ['weeklyDaysOff'], message: 'lists the same weekday twice' });
    }
    cal.workingPeriods.forEach((p, i) => {
      const previous = cal.workingPeriods[i - 1];
      // Zero-padded HH:MM strings compare like the times they write.
      if (previous && CLOCK_TIME.test(previous.end) && CLOCK_TIME.test(p.start) && p.start < previous.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['workingPeriods', i, 'start'],
          message: `starts at ${p.start}, before the previous period ends at ${previous.end}: periods must be in order and must not overlap`,
        });
      }
    });
    const tetDays = (cal.statutoryHolidays ?? STATUTORY_HOLIDAYS).flatMap((h) =>
      h.rule.calendar === 'tet' ? [h.rule.days] : [],
    );
    const before = cal.tetDaysBeforeNewYear;
    if (before !== undefined && tetDays.some((days) => before > days)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tetDaysBeforeNewYear'],
        message: `is more than the ${Math.min(...tetDays)} days of Tết`,
      });
    }
    const seen = new Map<string, number>();
    cal.overrides.forEach((o, i) => {
      const first = seen.get(o.date);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'date'],
          message: `${o.date} is already set by overrides[${first}]: one override per day`,
        });
      } else seen.set(o.date, i);
    });
  });

export interface WorkingPeriod {
  readonly start: string; // HH:MM
  readonly end: string;
}

export interface CalendarOverride {
  readonly date: IsoDate;
  readonly kind: OverrideKind;
  readonly name: string; // e.g. 'Nghỉ Tết Nguyên đán', 'Làm bù cho ngày 31/8'
}

/**
 * Treated as an immutable value: the calendar functions cache what they derive from a config
 * object, so build a new object to change it.
 */
export interface CalendarConfig {
  readonly weeklyDaysOff: readonly Weekday[];
  readonly workingPeriods: readonly WorkingPeriod[];
  readonly afternoonCutoff: string; // HH:MM
  readonly overrides: readonly CalendarOverride[];
  /** Of Tết's days, how many come before mùng 1 (the rest from it on); 2 when absent. */
  readonly tetDaysBeforeNewYear?: number;
  /** The holidays the law fixes; `STATUTORY_HOLIDAYS` (Labour Code 2019 art. 112) when absent. */
  readonly statutoryHolidays?: readonly StatutoryHoliday[];
}

/** State agencies' defaults: Saturday and Sunday off, 07:30-11:30 and 13:30-17:00, cut-off 15:00. */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = Object.freeze({
  weeklyDaysOff: Object.freeze(['saturday', 'sunday'] as const),
  workingPeriods: Object.freeze([
    Object.freeze({ start: '07:30', end: '11:30' }),
    Object.freeze({ start: '13:30', end: '17:00' }),
  ]),
  afternoonCutoff: '15:00',
  overrides: Object.freeze([]),
});

export class CalendarConfigError extends Error {
  readonly problems: readonly { path: string; message: string }[];
  constructor(problems: readonly { path: string; message: string }[]) {
    super(
      `invalid calendar configuration: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`,
    );
    this.name = 'CalendarConfigError';
    this.problems = problems;
  }
}

/** A checked calendar configuration, or a CalendarConfigError that names every problem. */
export function parseCalendarConfig(input: unknown): CalendarConfig {
  const result = calendarConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new CalendarConfigError(
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  );
}

/** Minutes since midnight of an HH:MM clock time. */
export function minutesOfClockTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const checked = new WeakSet<CalendarConfig>();

/** Throws a CalendarConfigError unless the config is valid; checks each config object once. */
export function assertValidCalendarConfig(cal: CalendarConfig): void {
  if (checked.has(cal)) return;
  parseCalendarConfig(cal);
  checked.add(cal);
}
