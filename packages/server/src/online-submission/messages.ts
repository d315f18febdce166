import type { Localised } from '@motcua/core';

/** Problem codes of online submission, spread into PROBLEMS (http/messages.ts). */
export const ONLINE_SUBMISSION_PROBLEMS = {
  draft_not_found: {
    vi: 'Không tìm thấy hồ sơ nháp; có thể bạn đã đăng nhập bằng tài khoản khác',
    en: 'Draft not found; you may be signed in with another account',
  },
  draft_version_conflict: {
    vi: 'Hồ sơ nháp vừa được lưu ở một thẻ hoặc thiết bị khác. Tải lại trang để xem câu trả lời mới nhất rồi sửa tiếp; những gì bạn vừa nhập vẫn còn trên màn hình',
    en: 'The draft has just been saved in another tab or device. Reload the page to see the latest answers, then continue; what you just typed is still on the screen',
  },
  draft_already_submitted: {
    vi: 'Hồ sơ này đã được nộp; xem mã hồ sơ trên trang xác nhận',
    en: 'This dossier has already been submitted; see its reference on the confirmation page',
  },
  draft_documents_missing: {
    vi: 'Còn giấy tờ bắt buộc chưa tải lên; xem danh sách giấy tờ',
    en: 'Some required documents are not uploaded yet; see the list of documents',
  },
  eform_answers_invalid: {
    vi: 'Có câu trả lời chưa đúng; xem thông báo bên cạnh từng ô',
    en: 'Some answers need correcting; see the message next to each box',
  },
  procedure_no_longer_in_force: {
    vi: 'Thủ tục này đã hết hiệu lực từ ngày {date} nên không nhận hồ sơ trực tuyến nữa; hồ sơ nháp của bạn không nộp được. Vui lòng tìm thủ tục thay thế trong danh mục hoặc liên hệ Bộ phận Một cửa',
    en: 'This procedure is no longer in force (since {date}), so it takes no more online applications and your draft cannot be submitted. Please look for the procedure that replaces it in the catalogue or contact the one-stop counter',
  },
  procedure_not_online: {
    vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến; vui lòng nộp tại Bộ phận Một cửa',
    en: 'This procedure does not take online applications; please apply at the one-stop counter',
  },
} as const satisfies Record<string, Localised>;
