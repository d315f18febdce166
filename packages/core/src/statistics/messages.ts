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
};
