import type { Localised } from '../i18n/locale.ts';

/**
 * Names of the rating and feedback forms' fields and their messages, merged into FIELD_LABELS and
 * CUSTOM_MESSAGES (i18n/validation.ts). A label marked on a message names the field where the
 * shared label (e.g. "value") would read wrongly.
 */
export const FEEDBACK_FIELD_LABELS: Record<string, Localised> = {
  topic: { vi: 'Nội dung phản ánh về', en: 'What the feedback is about' },
  message: { vi: 'Nội dung phản ánh, kiến nghị', en: 'Your feedback' },
  dossierCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  agencyId: { vi: 'Cơ quan', en: 'Agency' },
  contactName: { vi: 'Họ và tên', en: 'Name' },
  reasons: { vi: 'Lý do không hài lòng', en: 'Why you are not satisfied' },
  comment: { vi: 'Ý kiến thêm', en: 'Comment' },
  answer: { vi: 'Nội dung trả lời', en: 'Answer' },
  question: { vi: 'Nội dung phản ánh công khai', en: 'Published question' },
  assigneeId: { vi: 'Công chức xử lý', en: 'Officer' },
};

const ratingLabel = { vi: 'Mức độ hài lòng', en: 'Rating' };

export const FEEDBACK_CUSTOM_MESSAGES: Record<string, Localised & { label?: Localised }> = {
  rating_value_required: {
    label: ratingLabel,
    vi: 'chưa được chọn; hãy chọn Hài lòng, Chấp nhận được hoặc Không hài lòng',
    en: 'is missing; choose Satisfied, Acceptable or Not satisfied',
  },
  rating_reason_required: {
    vi: 'cần chọn ít nhất một lý do khi Ông/Bà không hài lòng',
    en: 'needs at least one reason when you are not satisfied',
  },
  rating_reason_unexpected: {
    vi: 'chỉ chọn khi Ông/Bà không hài lòng; hãy bỏ chọn các lý do',
    en: 'are only for a "not satisfied" rating; clear them',
  },
  rating_comment_required: {
    vi: 'cần ghi rõ khi chọn "Lý do khác"',
    en: 'needs a few words when you choose "Another reason"',
  },
  rating_comment_too_long: { vi: 'dài quá 1000 ký tự; hãy rút gọn', en: 'is longer than 1000 characters' },
  rating_dossier_code_unknown: {
    vi: 'không đúng hoặc hồ sơ chưa được trả kết quả tại quầy này; kiểm tra lại mã trên giấy hẹn',
    en: 'is wrong, or the dossier has not been returned at this counter; check the code on the receipt',
  },
  feedback_topic_required: {
    vi: 'chưa được chọn; hãy chọn thủ tục, hồ sơ hoặc thái độ của cán bộ',
    en: 'is missing; choose a procedure, a dossier or an officer’s conduct',
  },
  feedback_procedure_required: {
    vi: 'chưa được chọn; hãy chọn thủ tục Ông/Bà muốn phản ánh',
    en: 'is missing; choose the procedure your feedback is about',
  },
  feedback_procedure_unknown: {
    vi: 'không có trong danh mục thủ tục đang áp dụng',
    en: 'is not in the catalogue in force',
  },
  feedback_dossier_required: {
    vi: 'chưa được nhập; mã hồ sơ in trên giấy tiếp nhận và hẹn trả kết quả',
    en: 'is missing; the code is printed on the receipt',
  },
  feedback_dossier_unknown: {
    vi: 'không đúng; kiểm tra lại mã in trên giấy tiếp nhận và hẹn trả kết quả',
    en: 'is wrong; check the code printed on the receipt',
  },
  feedback_agency_required: {
    vi: 'chưa được chọn; hãy chọn cơ quan hoặc nhập mã hồ sơ liên quan',
    en: 'is missing; choose the agency or give the dossier code',
  },
  feedback_agency_unknown: {
    vi: 'không phải một cơ quan trong hệ thống',
    en: 'is not an agency of this system',
  },
  feedback_message_short: {
    vi: 'quá ngắn; hãy mô tả sự việc trong ít nhất 20 ký tự',
    en: 'is too short; describe what happened in at least 20 characters',
  },
  feedback_message_long: {
    vi: 'dài quá 5000 ký tự; hãy rút gọn',
    en: 'is longer than 5000 characters; shorten it',
  },
  feedback_answer_short: {
    vi: 'quá ngắn; câu trả lời cần ít nhất 10 ký tự',
    en: 'is too short; an answer needs at least 10 characters',
  },
  feedback_answer_required: { vi: 'chưa được nhập', en: 'is missing' },
  feedback_reason_short: { vi: 'quá ngắn; hãy nêu lý do', en: 'is too short; give the reason' },
  feedback_reason_required: { vi: 'chưa được nhập; hãy nêu lý do', en: 'is missing; give the reason' },
  feedback_unit_required: { vi: 'chưa được chọn; hãy chọn đơn vị xử lý', en: 'is missing; choose the unit' },
  feedback_unit_unknown: { vi: 'không phải một đơn vị của cơ quan', en: 'is not a unit of the agency' },
  feedback_assignee_unknown: {
    vi: 'không phải công chức của đơn vị được giao',
    en: 'is not an officer of the assigned unit',
  },
  feedback_note_required: {
    vi: 'chưa được nhập; hãy ghi kết quả xử lý',
    en: 'is missing; say what was done',
  },
};
