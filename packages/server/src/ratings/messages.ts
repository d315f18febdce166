import type { Localised } from '@motcua/core';

/** Problem codes of the service ratings, spread into PROBLEMS (http/messages.ts). */
export const RATING_PROBLEMS = {
  rating_already_given: {
    vi: 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần. Cảm ơn Ông/Bà',
    en: 'This dossier has already been rated; each dossier is rated once. Thank you',
  },
  rating_not_returned: {
    vi: 'Hồ sơ chưa được trả kết quả; Ông/Bà đánh giá sau khi nhận kết quả',
    en: 'The dossier has not been returned yet; rate it once you have the result',
  },
  rating_follow_up_not_found: { vi: 'Không tìm thấy việc cần xử lý này', en: 'Follow-up not found' },
  rating_follow_up_closed: {
    vi: 'Việc xử lý đánh giá không hài lòng này đã được kết thúc',
    en: 'This follow-up has already been closed',
  },
} as const satisfies Record<string, Localised>;
