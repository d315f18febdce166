/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
 *
 * The rules, as the almanacs apply them:
 * - a month (tháng) begins on the local day of a new moon (ngày Sóc);
 * - month 11 is the month that contains the December solstice (Đông chí);
 * - when 13 new moons begin between one month 11 and the next, the first month of those 13 in which
 *   no principal solar term (trung khí, the Sun at a multiple of 30° of longitude) begins is the
 *   leap month (tháng nhuận) and repeats the number of the month before it.
 * The instants come from Jean Meeus, "Astronomical Algorithms" (2nd ed.): new moons from ch. 49,
 * the Sun's apparent longitude from ch. 25 (about 0.01°, a quarter of an hour), ΔT from the
 * Espenak-Meeus polynomials. The local day is taken at UTC+7 because that is what decides the
 * Vietnamese calendar: at UTC+8 (the Chinese calendar) a new moon just before midnight moves to the
 * next day, and in some years (1985, 2007, …) the two calendars differ by a day or a month.
 * Vietnam kept UTC+8 reckoning before 1968; the whole range is computed at UTC+7 here, as the
 * published Vietnamese conversion tables do.
 */
import {
  assertYearInRange,
  CalendarRangeError,
  dayNumber,
  dayNumberOf,
  FIRST_YEAR,
  type IsoDate,
  isoDate,
  LAST_YEAR,
} from './civil-date.ts';

export interface LunarDate {
  day: number; // 1-30
  month: number; // 1-12; month 12 is tháng Chạp
  /** The lunar year, numbered as the Gregorian year in which its month 1 falls. */
  year: number;
  leap: boolean; // tháng nhuận
}

/** Vietnam's offset from UTC, in hours; other values exist for comparing with other calendars. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588861;
const JD_OF_DAY_ZERO = 2440587.5; // Julian day of 1970-01-01T00:00Z
const JDE_J2000 = 2451545;

const sin = (degrees: number) => Math.sin(degrees * RAD);

/** ΔT = TT − UT in seconds (Espenak-Meeus 2006 polynomials, the range 1900-2200). */
function deltaTSeconds(jd: number): number {
  const y = 2000 + (jd - JDE_J2000) / 365.25;
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  return -20 + 32 * u * u - (y < 2150 ? 0.5628 * (2150 - y) : 0);
}

// Periodic terms of the true new moon (Meeus table 49.A): [coefficient, power of E, M, M', F, Ω].
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary arguments (Meeus p. 351): [coefficient, angle at k = 0, degrees per lunation, per T²].
const PLANETARY_TERMS: readonly (readonly [number, number, number, number?])[] = [
  [0.000325, 299.77, 0.107408, -0.009173],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** Julian Ephemeris Day of new moon number k, counted from the new moon of 2000-01-06. */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3;
  let jde =
    2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  for (const [c, ePower, cm, cmp, cf, com] of NEW_MOON_TERMS) {
    jde += c * e ** ePower * sin(cm * m + cmp * mp + cf * f + com * om);
  }
  for (const [c, a0, perLunation, perT2] of PLANETARY_TERMS)
    jde += c * sin(a0 + perLunation * k + (perT2 ?? 0) * t * t);
  return jde;
}

/** The Sun's apparent geocentric longitude in degrees, [0, 360) (Meeus ch. 25, low accuracy). */
export function sunApparentLongitude(jde: number): number {
  const t = (jde - JDE_J2000) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) +
    (0.019993 - 0.000101 * t) * sin(2 * m) +
    0.000289 * sin(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * sin(omega); // nutation and aberration
  return ((lambda % 360) + 360) % 360;
}

/** The local day number on which new moon k falls. */
function newMoonDay(k: number, offsetHours: number): number {
  const jde = newMoonJde(k);
  const jdUt = jde - deltaTSeconds(jde) / 86400;
  return Math.floor(jdUt - JD_OF_DAY_ZERO + offsetHours / 24);
}

/** Which 30° sector of longitude (0-11) the Sun is in at the local midnight that begins the day. */
function sunSectorAtStartOf(day: number, offsetHours: number): number {
  const jdUt = day + JD_OF_DAY_ZERO - offsetHours / 24;
  return Math.floor(sunApparentLongitude(jdUt + deltaTSeconds(jdUt) / 86400) / 30);
}

/** The number k of the new moon that begins the lunar month containing the given day. */
function monthContaining(day: number, offsetHours: number): number {
  const DAY_OF_K0 = 10962.6; // 2000-01-06 14:18 UT, roughly
  let k = Math.floor((day - DAY_OF_K0) / SYNODIC_MONTH);
  while (newMoonDay(k + 1, offsetHours) <= day) k++;
  while (newMoonDay(k, offsetHours) > day) k--;
  return k;
}

/** The new moon number that begins month 11 of the given year: the month of the December solstice. */
function month11(year: number, offsetHours: number): number {
  // The solstice is on 20-23 December; find the last day whose midnight precedes 270° of longitude.
  let day = dayNumberOf(year, 12, 19);
  while (sunSectorAtStartOf(day + 1, offsetHours) < 9) day++;
  return monthContaining(day, offsetHours);
}

interface MonthsOfCycle {
  k11: number;
  leapIndex: number | null;
}

// A few hundred small entries at most (one per year and offset), and the result never changes.
const cycleCache = new Map<string, MonthsOfCycle>();

/**
 * The lunar months from month 11 of `year` up to (not including) month 11 of the next year:
 * the new moon number of the first, how many there are, and the index of the leap month if any.
 */
function monthsAfterSolstice(year: number, offsetHours: number): MonthsOfCycle {
  const key = `${offsetHours}:${year}`;
  const cached = cycleCache.get(key);
  if (cached) return cached;
  const k11 = month11(year, offsetHours);
  const count = month11(year + 1, offsetHours) - k11;
  const sectorAtStartOfMonth = (k: number) => sunSectorAtStartOf(newMoonDay(k, offsetHours), offsetHours);
  let leapIndex: number | null = null;
  for (let i = 1; count === 13 && i < count && leapIndex === null; i++) {
    // Same sector at both ends: no principal term begins in month i.
    if (sectorAtStartOfMonth(k11 + i) === sectorAtStartOfMonth(k11 + i + 1)) leapIndex = i;
  }
  // Unreachable: thirteen months cannot all hold one of the twelve principal terms.
  if (count === 13 && leapIndex === null) throw new Error(`no leap month after the solstice of ${year}`);
  const result = { k11, leapIndex };
  cycleCache.set(key, result);
  return result;
}

/**
 * The lunar date of a Gregorian date (1900-2199). `offsetHours` is the time zone whose midnight
 * divides the days: 7 for Vietnam, the default; 8 gives the Chinese calendar, for comparison only.
 */
export function solarToLunar(date: IsoDate, offsetHours = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const day = dayNumber(date);
  assertYearInRange(Number(date.slice(0, 4)));
  const k = monthContaining(day, offsetHours);
  let cycleYear = Number(date.slice(0, 4));
  let months = monthsAfterSolstice(cycleYear, offsetHours);
  if (k < months.k11) {
    cycleYear--;
    months = monthsAfterSolstice(cycleYear, offsetHours);
  }
  let index = k - months.k11; // 0 = month 11
  let leap = false;
  if (months.leapIndex !== null && index >= months.leapIndex) {
    leap = index === months.leapIndex;
    index--;
  }
  const month = ((index + 10) % 12) + 1;
  return {
    day: day - newMoonDay(k, offsetHours) + 1,
    month,
    year: month >= 11 ? cycleYear : cycleYear + 1,
    leap,
  };
}

/**
 * The Gregorian date of a lunar date; throws a RangeError if the lunar date does not exist (a leap
 * month the year does not have, day 30 of a 29-day month) or falls outside 1900-2199.
 */
export function lunarToSolar(lunar: LunarDate, offsetHours = VIETNAM_UTC_OFFSET_HOURS): IsoDate {
  const { day, month, year, leap } = lunar;
  // Lunar year 1899 ends in 1900 and lunar year 2199 in 2200: the Gregorian date decides.
  if (!Number.isInteger(year) || year < FIRST_YEAR - 1 || year > LAST_YEAR) {
    throw new CalendarRangeError(year, 'lunar calendar');
  }
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`not a lunar date: day ${day}, month ${month}`);
  }
  const { k11, leapIndex } = monthsAfterSolstice(month >= 11 ? year : year - 1, offsetHours);
  let index = (month + 1) % 12; // month 11 → 0, 12 → 1, 1 → 2, …, 10 → 11
  if (leap && leapIndex !== index + 1) {
    throw new RangeError(`the lunar year ${year} has no leap month ${month}`);
  }
  if (leapIndex !== null && (leap || index >= leapIndex)) index++;
  const start = newMoonDay(k11 + index, offsetHours);
  const length = newMoonDay(k11 + index + 1, offsetHours) - start;
  if (day > length) throw new RangeError(`lunar month ${month}/${year} has ${length} days, not ${day}`);
  const result = isoDate(start + day - 1);
  assertYearInRange(Number(result.slice(0, 4)));
  return result;
}

/** Tết Nguyên đán: the Gregorian date of the first day of the lunar year. */
export function lunarNewYear(year: number, offsetHours = VIETNAM_UTC_OFFSET_HOURS): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false }, offsetHours);
}
