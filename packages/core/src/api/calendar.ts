import { z } from 'zod';
import { OVERRIDE_KINDS, WEEKDAYS } from '../calendar/config.ts';
import { statutoryHolidaySchema } from '../calendar/statutory.ts';
import { END_COMPARISONS, EXTENSION_NOTICE_READINGS } from '../dossier/policies.ts';
import { civilDateSchema, instantSchema } from './common.ts';

/** Answers of the working-day calendar (lịch ngày làm việc). */

export const HOLIDAY_KINDS = ['holiday', 'compensatory', 'override-off', 'override-working'] as const;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const workingPeriodView = z.strictObject({ start: clockTime, end: clockTime });

export const holidaySchema = z.strictObject({
  date: civilDateSchema,
  name: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
});

/** A day off or make-up working day as published, flagged while an administrator has to check it. */
export const publishedHolidaySchema = holidaySchema.extend({ toConfirm: z.boolean() });

/** Whether a year's Tết is the Government's announcement (confirmed) or computed by default. */
export const tetStatusSchema = z.strictObject({
  status: z.enum(['announced', 'computed']),
  days: z.array(civilDateSchema),
  confirmedAt: instantSchema.nullable(),
});

/** An agency's days off each week, working hours and afternoon cut-off. */
export const workingWeekSchema = z.strictObject({
  weeklyDaysOff: z.array(z.enum(WEEKDAYS)).readonly(),
  workingPeriods: z.array(workingPeriodView).readonly(),
  afternoonCutoff: clockTime,
});

export const holidaysOfYearSchema = z.strictObject({
  year: z.number().int(),
  items: z.array(publishedHolidaySchema),
  tet: tetStatusSchema,
  tetAnnouncedYears: z.array(z.number().int()),
  workingWeek: workingWeekSchema,
});

export const dueDateSchema = z.strictObject({
  due: instantSchema,
  from: instantSchema,
  workingDays: z.number().int(),
});

export const workingDaySchema = z.strictObject({ date: civilDateSchema, workingDay: z.boolean() });

// ---------- Administration ----------

export const calendarOverrideItemSchema = z.strictObject({
  date: civilDateSchema,
  kind: z.enum(OVERRIDE_KINDS),
  name: z.string(),
  /** Entered from an unofficial source: shown flagged until an administrator confirms it. */
  toConfirm: z.boolean(),
});

export const calendarSettingsSchema = workingWeekSchema.extend({
  supplementLimitDays: z.number().int(),
  /** Decision 766's readings (core/dossier/policies.ts). */
  endComparison: z.enum(END_COMPARISONS),
  extensionNotice: z.enum(EXTENSION_NOTICE_READINGS),
});

export const adminCalendarSchema = z.strictObject({
  agencyId: z.uuid().nullable(),
  year: z.number().int(),
  settings: calendarSettingsSchema,
  overrides: z.array(calendarOverrideItemSchema),
  inheritedOverrides: z.array(calendarOverrideItemSchema),
  days: z.array(holidaySchema),
  tet: tetStatusSchema,
});

export const tetConfirmationSchema = z.strictObject({ year: z.number().int(), tet: tetStatusSchema });

/** An agency's calendar as counted (core's CalendarConfig). */
export const calendarConfigViewSchema = workingWeekSchema.extend({
  overrides: z
    .array(z.strictObject({ date: civilDateSchema, kind: z.enum(OVERRIDE_KINDS), name: z.string() }))
    .readonly(),
  tetDaysBeforeNewYear: z.number().int().optional(),
  statutoryHolidays: z.array(statutoryHolidaySchema).readonly().optional(),
});

export const overridesSavedSchema = z.strictObject({
  agencyId: z.uuid().nullable(),
  year: z.number().int(),
  overrides: z.array(calendarOverrideItemSchema),
  days: z.array(holidaySchema),
});

export type HolidayView = z.infer<typeof holidaySchema>;
export type PublishedHoliday = z.infer<typeof publishedHolidaySchema>;
export type TetStatusView = z.infer<typeof tetStatusSchema>;
export type WorkingWeek = z.infer<typeof workingWeekSchema>;
export type HolidaysOfYear = z.infer<typeof holidaysOfYearSchema>;
export type CalendarOverrideItem = z.infer<typeof calendarOverrideItemSchema>;
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;
export type AdminCalendar = z.infer<typeof adminCalendarSchema>;
