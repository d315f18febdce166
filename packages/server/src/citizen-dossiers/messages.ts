import type { Localised } from '@motcua/core';

/** Problem codes of "my dossiers" on the citizen portal, spread into PROBLEMS (http/messages.ts). */
export const CITIZEN_DOSSIER_PROBLEMS = {
  supplement_not_requested: {
    vi: 'Hồ sơ này hiện không chờ bổ sung; vui lòng tải lại trang để xem tình trạng mới nhất',
    en: 'This dossier is not awaiting a supplement; reload the page to see its current status',
  },
  supplement_items_mismatch: {
    vi: 'Vui lòng chọn đúng một tệp cho mỗi mục cơ quan yêu cầu bổ sung (mục {items})',
    en: 'Choose exactly one file for each item the agency asked for (item {items})',
  },
  supplement_too_many_files: {
    vi: 'Chỉ gửi {count} tệp, mỗi mục cơ quan yêu cầu bổ sung một tệp',
    en: 'Send only {count} files, one for each item the agency asked for',
  },
  result_not_electronic: {
    vi: 'Hồ sơ này chưa có kết quả điện tử để tải về; kết quả được trả tại nơi tiếp nhận',
    en: 'This dossier has no electronic result to download; the result is handed over where it was received',
  },
  channel_not_available: {
    vi: 'Kênh SMS và Zalo chưa được hỗ trợ; hiện chỉ nhận thông báo qua thư điện tử',
    en: 'SMS and Zalo are not available yet; notifications are sent by email only',
  },
} as const satisfies Record<string, Localised>;
