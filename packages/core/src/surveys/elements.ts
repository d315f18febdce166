import type { Localised } from '../i18n/locale.ts';

/**
 * The five elements a SIPAS questionnaire measures (Decision 1001/QĐ-BNV, the 2023-2026 method for
 * measuring satisfaction with public administrative services). Every published questionnaire has
 * at least one scored question on each.
 */
export const SURVEY_ELEMENTS = [
  'access', // Tiếp cận dịch vụ
  'procedure', // Thủ tục hành chính
  'officials', // Công chức giải quyết công việc
  'result', // Kết quả giải quyết
  'feedback', // Tiếp nhận, xử lý phản ánh, kiến nghị
] as const;
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

export const SURVEY_ELEMENT_LABELS: Record<SurveyElement, Localised> = {
  access: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
  procedure: { vi: 'Thủ tục hành chính', en: 'The administrative procedure' },
  officials: { vi: 'Công chức giải quyết công việc', en: 'The officials who handled it' },
  result: { vi: 'Kết quả giải quyết', en: 'The result' },
  feedback: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback and complaints' },
};

/** The five-point scale: 1 very dissatisfied … 5 very satisfied. 4 and 5 count as satisfied. */
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;
export const SATISFIED_FROM = 4;
export const SCALE_LABELS: Record<(typeof SCALE_POINTS)[number], Localised> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neither' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};

/** How an answer reached the system; each is counted once. */
export const SURVEY_CHANNELS = [
  'kiosk', // the counter tablet (máy tính bảng tại quầy)
  'link', // the link given with the returned result
  'paper', // a paper form (phiếu giấy) typed in by an officer
] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
