import type { Localised } from '../i18n/locale.ts';

/** Names of the reform forms' fields, merged into FIELD_LABELS (i18n/validation.ts). */
export const REFORM_FIELD_LABELS: Record<string, Localised> = {
  title: { vi: 'Tên', en: 'Title' },
  purposes: { vi: 'Mục đích', en: 'Purposes' },
  requirements: { vi: 'Yêu cầu', en: 'Requirements' },
  basis: { vi: 'Căn cứ', en: 'Basis' },
  area: { vi: 'Lĩnh vực cải cách', en: 'Reform area' },
  measure: { vi: 'Cách đo', en: 'Measure' },
  comparator: { vi: 'So sánh', en: 'Comparison' },
  deadline: { vi: 'Hạn hoàn thành', en: 'Deadline' },
  source: { vi: 'Nguồn giao nhiệm vụ', en: 'Source' },
  sourceNumber: { vi: 'Số văn bản giao', en: 'Document number' },
  sourceDate: { vi: 'Ngày văn bản giao', en: 'Document date' },
  assigneeId: { vi: 'Người được giao', en: 'Assignee' },
  progress: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
  note: { vi: 'Nội dung báo cáo', en: 'Report' },
  month: { vi: 'Tháng', en: 'Month' },
  plannedOn: { vi: 'Ngày dự kiến kiểm tra', en: 'Planned date' },
  doneOn: { vi: 'Ngày kiểm tra', en: 'Inspection date' },
  conclusion: { vi: 'Kết luận', en: 'Conclusion' },
  text: { vi: 'Nội dung', en: 'Text' },
  version: { vi: 'Phiên bản', en: 'Version' },
  copyFrom: { vi: 'Kế hoạch năm trước', en: 'Last year’s plan' },
};

/** Field messages of the reform forms, merged into CUSTOM_MESSAGES. */
export const REFORM_CUSTOM_MESSAGES: Record<string, Localised> = {
  province_source_needs_document: {
    vi: 'nhiệm vụ do UBND tỉnh giao cần ghi số và ngày văn bản giao',
    en: 'a task of the provincial People’s Committee needs the number and date of its document',
  },
  deadline_outside_year: {
    vi: 'hạn hoàn thành phải trong năm của kế hoạch hoặc năm sau',
    en: 'the deadline must fall in the plan’s year or the next',
  },
  percent_range: { vi: 'phải là số từ 0 đến 100', en: 'must be a number from 0 to 100' },
  date_format: {
    vi: 'phải là ngày hợp lệ dạng năm-tháng-ngày (ví dụ 2026-03-31)',
    en: 'must be a valid date as year-month-day (e.g. 2026-03-31)',
  },
  month_not_started: {
    vi: 'tháng báo cáo chưa đến hoặc không thuộc năm của kế hoạch',
    en: 'the month has not started yet or is outside the plan’s year',
  },
};
