/** Problem codes of notifications, spread into PROBLEMS (http/messages.ts). */
export const NOTIFICATION_PROBLEMS = {
  notification_kind_not_found: {
    vi: 'Không có mẫu thông báo loại "{kind}"',
    en: 'There is no notification template of kind "{kind}"',
  },
  notification_template_unknown_placeholder: {
    vi: 'Mẫu có chỗ điền không dùng được: {names}. Chỉ dùng được: {allowed}',
    en: 'The template uses placeholders that do not exist: {names}. Allowed: {allowed}',
  },
} as const;
