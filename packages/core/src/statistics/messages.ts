import type { Localised } from '../i18n/locale.ts';

/**
 * Field messages of the statistics' queries (Biểu số 06, its drill-down, the dashboards), merged
 * into CUSTOM_MESSAGES (i18n/validation.ts): what a person typing a period in the address bar reads.
 */
export const STATISTICS_CUSTOM_MESSAGES: Record<string, Localised> = {
  invalid_date: {
    vi: 'phải là một ngày có thật, viết theo dạng năm-tháng-ngày (YYYY-MM-DD), ví dụ 2026-04-30',
    en: 'must be a real date written YYYY-MM-DD, e.g. 2026-04-30',
  },
  // The Decision 766 index: a quarter 5, or a year other than 1.
  invalid_period_index: {
    vi: 'không có trong năm: một năm có 4 quý (1-4) và 12 tháng (1-12); với cả năm, để trống hoặc ghi 1',
    en: 'is not in the year: a year has 4 quarters (1-4) and 12 months (1-12); for a whole year, leave it out or write 1',
  },
};
