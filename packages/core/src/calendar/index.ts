export { type AppointmentProcessingTime, appointmentDate, countingStart } from './appointment.ts';
export { CalendarRangeError, FIRST_YEAR, type IsoDate, isIsoDate, LAST_YEAR } from './civil-date.ts';
export {
  type CalendarConfig,
  CalendarConfigError,
  type CalendarOverride,
  calendarConfigSchema,
  calendarOverrideSchema,
  DEFAULT_CALENDAR_CONFIG,
  OVERRIDE_KINDS,
  type OverrideKind,
  parseCalendarConfig,
  WEEKDAYS,
  type Weekday,
  type WorkingPeriod,
  workingPeriodSchema,
} from './config.ts';
export { type Holiday, type HolidayKind, holidaysOfYear } from './holidays.ts';
export { type LunarDate, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
export {
  DEFAULT_TET_DAYS_BEFORE_NEW_YEAR,
  type HolidayDateRule,
  holidayDateRuleSchema,
  STATUTORY_HOLIDAYS,
  type StatutoryHoliday,
  statutoryHolidaySchema,
} from './statutory.ts';
export {
  addWorkingDays,
  addWorkingHours,
  endOfWorkingDay,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  startOfWorkingDay,
  vietnamDateOf,
  workingDaysBetween,
  workingHoursBetween,
} from './working-time.ts';
