import { z } from 'zod';

/**
 * The public holidays the law fixes (ngày nghỉ lễ, tết: Labour Code 2019, art. 112), as data: a
 * holiday added by a new law is one more row, with the first year it applies.
 */

/** How a holiday's date is found in a given year. */
export const holidayDateRuleSchema = z.discriminatedUnion('calendar', [
  /** A fixed day of the Gregorian calendar (dương lịch). */
  z.strictObject({
    calendar: z.literal('solar'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  /** A day of the Vietnamese lunar calendar (âm lịch), of the lunar year that starts in that year. */
  z.strictObject({
    calendar: z.literal('lunar'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(30),
  }),
  /** Tết Nguyên đán: consecutive days around the lunar new year, split as `tetDaysBeforeNewYear` says. */
  z.strictObject({ calendar: z.literal('tet'), days: z.number().int().min(1).max(10) }),
  /** The day next to 2 September (art. 112(1)(đ)), chosen so that the days off run into a weekend. */
  z.strictObject({ calendar: z.literal('national-day-adjacent') }),
]);
export type HolidayDateRule = z.infer<typeof holidayDateRuleSchema>;

export const statutoryHolidaySchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  rule: holidayDateRuleSchema,
  /** The first and last years the row applies to; open when absent. */
  fromYear: z.number().int().optional(),
  untilYear: z.number().int().optional(),
});
export type StatutoryHoliday = z.infer<typeof statutoryHolidaySchema>;

/**
 * Labour Code 2019 art. 112(1), applied to every year the calendar covers (earlier laws had fewer
 * days; dossiers are only counted on the current one).
 */
export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = Object.freeze([
  { name: 'Tết Dương lịch', rule: { calendar: 'solar', month: 1, day: 1 } },
  { name: 'Tết Nguyên đán', rule: { calendar: 'tet', days: 5 } },
  { name: 'Giỗ Tổ Hùng Vương', rule: { calendar: 'lunar', month: 3, day: 10 } },
  { name: 'Ngày Chiến thắng', rule: { calendar: 'solar', month: 4, day: 30 } },
  { name: 'Ngày Quốc tế Lao động', rule: { calendar: 'solar', month: 5, day: 1 } },
  { name: 'Quốc khánh', rule: { calendar: 'solar', month: 9, day: 2 } },
  { name: 'Quốc khánh', rule: { calendar: 'national-day-adjacent' } },
] satisfies StatutoryHoliday[]);

/**
 * How many of Tết's days fall before mùng 1 (the lunar new year), the rest from it on. Every break
 * announced from 2020 to 2026 gave the last two days of the old year and the first three of the new.
 */
export const DEFAULT_TET_DAYS_BEFORE_NEW_YEAR = 2;
