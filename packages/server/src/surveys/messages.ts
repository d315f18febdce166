import type { Localised } from '@motcua/core';

/** Problem codes of the satisfaction surveys, spread into PROBLEMS (http/messages.ts). */
export const SURVEY_PROBLEMS = {
  survey_questionnaire_not_found: { vi: 'Không tìm thấy phiếu khảo sát', en: 'Questionnaire not found' },
  survey_draft_exists: {
    vi: 'Đã có một bản dự thảo phiếu khảo sát; hãy sửa bản đó rồi công bố',
    en: 'A draft questionnaire already exists; edit it and publish it',
  },
  survey_questionnaire_published: {
    vi: 'Phiếu khảo sát đã công bố không sửa được; hãy tạo phiên bản mới',
    en: 'A published questionnaire cannot change; start a new version',
  },
  survey_element_missing: {
    vi: 'Phiếu chưa có câu hỏi chấm điểm cho yếu tố: {elements}; mỗi yếu tố cần ít nhất một câu hỏi theo thang 1-5',
    en: 'The questionnaire has no scored question on: {elements}; each element needs at least one 1-5 question',
  },
  survey_none_published: {
    vi: 'Cơ quan chưa công bố phiếu khảo sát nào',
    en: 'The agency has not published a questionnaire yet',
  },
  survey_questionnaire_changed: {
    vi: 'Phiếu khảo sát vừa được thay bằng phiên bản mới; hãy tải lại trang và trả lời lại',
    en: 'The questionnaire has just been replaced by a new version; reload the page and answer again',
  },
  survey_kiosk_not_found: {
    vi: 'Không tìm thấy trang khảo sát tại quầy này; hãy nhờ công chức mở lại',
    en: 'This counter survey page does not exist; ask the officer to open it again',
  },
  survey_kiosk_expired: {
    vi: 'Trang khảo sát tại quầy đã hết phiên làm việc; công chức cần mở lại trang',
    en: 'The counter survey page has expired; the officer needs to open it again',
  },
  survey_link_not_found: {
    vi: 'Đường dẫn khảo sát không đúng; hãy kiểm tra lại đường dẫn ghi trên phiếu trả kết quả',
    en: 'The survey link is wrong; check the link printed with the result',
  },
  survey_link_used: {
    vi: 'Phiếu khảo sát của hồ sơ này đã được trả lời; mỗi hồ sơ chỉ trả lời một lần. Cảm ơn Ông/Bà',
    en: 'The survey of this dossier has already been answered; each dossier answers once. Thank you',
  },
  survey_paper_duplicate: {
    vi: 'Phiếu giấy số {serial} đã được nhập; mỗi phiếu chỉ tính một lần',
    en: 'Paper form {serial} has already been entered; each form counts once',
  },
} as const satisfies Record<string, Localised>;
