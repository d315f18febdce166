import type { Localised } from '../i18n/locale.ts';

/** Names of the survey forms' fields, merged into FIELD_LABELS (i18n/validation.ts). */
export const SURVEY_FIELD_LABELS: Record<string, Localised> = {
  answers: { vi: 'Câu trả lời', en: 'Answers' },
  questions: { vi: 'Câu hỏi', en: 'Questions' },
  serial: { vi: 'Số phiếu', en: 'Form serial number' },
  intro: { vi: 'Lời giới thiệu', en: 'Introduction' },
  choices: { vi: 'Các lựa chọn', en: 'Choices' },
  element: { vi: 'Yếu tố', en: 'Element' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  answeredOn: { vi: 'Ngày trả lời', en: 'Date answered' },
};

/** Field messages of the survey forms, merged into CUSTOM_MESSAGES. */
export const SURVEY_CUSTOM_MESSAGES: Record<string, Localised> = {
  answer_required: { vi: 'chưa được chọn; hãy chọn một mức', en: 'has no answer; choose one' },
  answer_out_of_range: {
    vi: 'không phải một lựa chọn của câu hỏi',
    en: 'is not one of the question’s options',
  },
  answer_unknown_question: {
    vi: 'không thuộc phiếu khảo sát này',
    en: 'is not a question of this questionnaire',
  },
  question_id_format: {
    vi: 'mã câu hỏi chỉ gồm chữ thường không dấu, số, "-" và "_" (tối đa 40 ký tự)',
    en: 'a question id has only lowercase letters, digits, "-" and "_" (at most 40)',
  },
  question_id_duplicate: { vi: 'mã câu hỏi bị trùng', en: 'the question id is used twice' },
  choices_required: {
    vi: 'câu hỏi lựa chọn cần ít nhất hai lựa chọn',
    en: 'a choice question needs at least two choices',
  },
  serial_format: {
    vi: 'số phiếu gồm chữ, số, "-", "/" hoặc "." (1 đến 40 ký tự)',
    en: 'the serial has letters, digits, "-", "/" or "." (1 to 40 characters)',
  },
  survey_unit_unknown: { vi: 'không phải một đơn vị của cơ quan', en: 'is not a unit of an agency' },
  survey_period_reversed: { vi: 'phải sau hoặc bằng ngày bắt đầu', en: 'must be on or after the start date' },
  answered_in_future: { vi: 'ngày trả lời chưa đến', en: 'the date has not come yet' },
};
