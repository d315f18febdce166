import type { Localised } from '../i18n/locale.ts';

/**
 * The periods of a reform report (báo cáo định kỳ CCHC): the four quarters (quý I-IV), the first
 * six months (6 tháng đầu năm) and the year. Calendar periods; a running period is read to today.
 */
export const REPORT_PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_PERIOD_LABELS: Record<ReportPeriod, Localised> = {
  q1: { vi: 'quý I', en: 'first quarter' },
  q2: { vi: 'quý II', en: 'second quarter' },
  q3: { vi: 'quý III', en: 'third quarter' },
  q4: { vi: 'quý IV', en: 'fourth quarter' },
  h1: { vi: '6 tháng đầu năm', en: 'first six months' },
  year: { vi: 'năm', en: 'year' },
};

const SPANS: Record<ReportPeriod, [string, string]> = {
  q1: ['01-01', '03-31'],
  q2: ['04-01', '06-30'],
  q3: ['07-01', '09-30'],
  q4: ['10-01', '12-31'],
  h1: ['01-01', '06-30'],
  year: ['01-01', '12-31'],
};

export interface PeriodSpan {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day of the period. */
  to: string;
  /** Last day the figures cover: the period's last day, or today while it runs. */
  asOf: string;
}

/**
 * The days of a report: from the period's first day to its last, the figures read up to `today`
 * while the period runs (the counters write a dossier's overdue day ahead, so a later day would
 * count the future). Null when the period has not begun.
 */
export function periodSpan(period: ReportPeriod, year: number, today: string): PeriodSpan | null {
  const [start, end] = SPANS[period];
  const from = `${year}-${start}`;
  const to = `${year}-${end}`;
  if (today < from) return null;
  return { from, to, asOf: today < to ? today : to };
}

/** "Báo cáo công tác cải cách hành chính quý I năm 2027" / "... năm 2027". */
export function reportTitle(period: ReportPeriod, year: number): string {
  return period === 'year'
    ? `Công tác cải cách hành chính năm ${year}`
    : `Công tác cải cách hành chính ${REPORT_PERIOD_LABELS[period].vi} năm ${year}`;
}
