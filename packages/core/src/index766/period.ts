import type { IsoDate } from '../calendar/civil-date.ts';

/** The periods the index is read for: a month, a quarter or a year (Vietnam dates, both included). */
export const INDEX766_PERIODS = ['month', 'quarter', 'year'] as const;
export type Index766Period = (typeof INDEX766_PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day of month `index` (1-12), quarter `index` (1-4) or the year. */
export function index766PeriodRange(
  period: Index766Period,
  year: number,
  index: number,
): { from: IsoDate; to: IsoDate } {
  const [first, last] =
    period === 'year' ? [1, 12] : period === 'quarter' ? [index * 3 - 2, index * 3] : [index, index];
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

/** The largest index of a period kind (months 12, quarters 4, a year 1). */
export function index766PeriodCount(period: Index766Period): number {
  return period === 'month' ? 12 : period === 'quarter' ? 4 : 1;
}
