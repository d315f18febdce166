/** Monday first, as Vietnamese calendars are printed; index into WEEKDAYS order (Sunday = 0). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** A clock time as the calendar settings take it, hh:mm on 24 hours. */
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
