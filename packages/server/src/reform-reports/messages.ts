import type { Localised } from '@motcua/core';

/** Problem codes of the periodic reform reports, spread into PROBLEMS (http/messages.ts). */
export const REPORT_PROBLEMS = {
  reform_report_not_found: {
    vi: 'Không tìm thấy báo cáo cải cách hành chính',
    en: 'Reform report not found',
  },
  reform_report_exists: {
    vi: 'Cơ quan đã có báo cáo của kỳ này; hãy mở báo cáo đó để sửa',
    en: 'The agency already has a report for this period; open that report to edit it',
  },
  reform_report_version_not_found: {
    vi: 'Báo cáo không có phiên bản {version}',
    en: 'The report has no version {version}',
  },
} as const satisfies Record<string, Localised>;
