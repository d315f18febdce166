import type { TimeUnit } from '../catalogue/procedure.ts';
import { isoDate } from './civil-date.ts';
import type { CalendarConfig } from './config.ts';
import {
  addWorkingDays,
  addWorkingHours,
  cutoffMsOfDay,
  endOfWorkingDay,
  instantOn,
  isWorkingDayNumber,
  localDayOf,
  nextWorkingDay,
  startOfWorkingDay,
} from './working-time.ts';

/**
 * The appointment date (ngày hẹn trả kết quả) printed on the receipt, DOMAIN.md §3 "Deadlines".
 * Supplement pauses and extensions are applied by the caller: after a complete supplement the
 * processing time starts again from the beginning, i.e. this is called again with the new receipt.
 */

export interface AppointmentProcessingTime {
  value: number;
  unit: TimeUnit;
}

/**
 * When the processing time starts to run: at receipt, if the dossier is received on a working day
 * no later than the afternoon cut-off (15:00 itself still counts); otherwise at the opening of the
 * next working day.
 */
export function countingStart(receivedAt: Date, cal: CalendarConfig): Date {
  const t = receivedAt.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  const day = localDayOf(t);
  if (isWorkingDayNumber(day, cal) && t <= instantOn(day, cutoffMsOfDay(cal))) return new Date(t);
  return startOfWorkingDay(nextWorkingDay(isoDate(day), cal), cal);
}

function wholeDays(value: number, unit: TimeUnit): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `a processing time in ${unit} must be a whole number ≥ 0 (use working_hours for parts of a day), not ${value}`,
    );
  }
  return value;
}

/**
 * The instant a dossier is due.
 * - working_days, n ≥ 1: the same clock time n working days after the counting start; when counting
 *   starts at the next working day's opening, that is the close of the n-th working day counted from
 *   it (received Monday 09:00, 3 days: Thursday 09:00; Monday 16:00, after the cut-off: Thursday
 *   17:00).
 * - working_days, 0 ("trong ngày", within the day): the close of the day counting starts on.
 * - calendar_days: the close of the n-th calendar day after the day counting starts on (the first
 *   day is not counted, Civil Code art. 147); when that day is not a working day, the close of the
 *   next working day (art. 148(5)). The office's closing time is used rather than the Code's 24:00
 *   (art. 148(6)), because a result is handed over while the office is open.
 * - working_hours: that much working time after the counting start.
 */
export function appointmentDate(
  receivedAt: Date,
  processingTime: AppointmentProcessingTime,
  cal: CalendarConfig,
): Date {
  const start = countingStart(receivedAt, cal);
  const { value, unit } = processingTime;
  switch (unit) {
    case 'working_days': {
      const n = wholeDays(value, unit);
      return n === 0 ? endOfWorkingDay(start, cal) : addWorkingDays(start, n, cal);
    }
    case 'calendar_days': {
      const last = localDayOf(start.getTime()) + wholeDays(value, unit);
      const day = isWorkingDayNumber(last, cal) ? isoDate(last) : nextWorkingDay(isoDate(last), cal);
      return endOfWorkingDay(day, cal);
    }
    case 'working_hours':
      return addWorkingHours(start, value, cal);
  }
}
