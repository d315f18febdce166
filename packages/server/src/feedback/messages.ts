import type { Localised } from '@motcua/core';

/** Problem codes of citizen feedback (phản ánh, kiến nghị), spread into PROBLEMS (http/messages.ts). */
export const FEEDBACK_PROBLEMS = {
  feedback_case_not_found: { vi: 'Không tìm thấy phản ánh, kiến nghị', en: 'Feedback case not found' },
  feedback_wrong_state: {
    vi: 'Phản ánh đang ở trạng thái không cho phép thao tác này; hãy tải lại trang',
    en: 'The case is in a state that does not allow this; reload the page',
  },
  feedback_action_not_allowed: {
    vi: 'Bạn không có quyền thực hiện thao tác này với phản ánh',
    en: 'You may not do this with the case',
  },
  feedback_version_conflict: {
    vi: 'Phản ánh vừa được người khác cập nhật; hãy tải lại trang rồi thực hiện lại',
    en: 'Someone else has just updated the case; reload the page and try again',
  },
  feedback_not_answered: {
    vi: 'Phản ánh chưa được trả lời nên chưa công khai được',
    en: 'The case has not been answered, so it cannot be published',
  },
  feedback_rating_not_found: {
    vi: 'Đường dẫn đánh giá không đúng; hãy kiểm tra lại đường dẫn trong thư trả lời',
    en: 'The rating link is wrong; check the link in the answer email',
  },
  feedback_rating_given: {
    vi: 'Câu trả lời này đã được đánh giá; mỗi câu trả lời chỉ đánh giá một lần. Cảm ơn Ông/Bà',
    en: 'This answer has already been rated; each answer is rated once. Thank you',
  },
} as const satisfies Record<string, Localised>;
