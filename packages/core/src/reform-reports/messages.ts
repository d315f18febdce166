import type { Localised } from '../i18n/locale.ts';

/** Names of the report forms' fields, merged into FIELD_LABELS (i18n/validation.ts). */
export const REPORT_FIELD_LABELS: Record<string, Localised> = {
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  symbol: { vi: 'Ký hiệu', en: 'Symbol' },
  place: { vi: 'Địa danh', en: 'Place' },
  intro: { vi: 'Phần mở đầu', en: 'Opening' },
  recipients: { vi: 'Nơi nhận', en: 'Recipients' },
  signerTitle: { vi: 'Chức vụ người ký', en: 'Signer’s title' },
  signerName: { vi: 'Họ tên người ký', en: 'Signer’s name' },
  baseVersion: { vi: 'Phiên bản đang sửa', en: 'Version edited' },
};

/** Field messages of the report forms, merged into CUSTOM_MESSAGES. */
export const REPORT_CUSTOM_MESSAGES: Record<string, Localised> = {
  period_not_started: {
    vi: 'kỳ báo cáo chưa bắt đầu; chọn kỳ đã bắt đầu',
    en: 'the period has not begun; choose one that has',
  },
  section_order: {
    vi: 'các phần của báo cáo phải đủ và đúng thứ tự',
    en: 'the report’s sections must all be there, in order',
  },
};
