/** Chuỗi tiếng Việt của trang quản trị mẫu thông báo. */
export const notificationTemplatesVi = {
  nav: 'Mẫu thông báo',
  navDesc: 'Sửa nội dung thư thông báo gửi công dân và cán bộ',
  title: 'Mẫu thông báo',
  lead: 'Chọn một mẫu để sửa tiêu đề và nội dung. Chỗ điền viết trong dấu ngoặc nhọn kép, ví dụ {{code}}.',
  choose: 'Mẫu thông báo',
  locale: { vi: 'tiếng Việt', en: 'tiếng Anh' },
  optionLabel: (kind: string, locale: string, customised: boolean) =>
    `${kind} (${locale})${customised ? ' – đã sửa' : ''}`,
  subject: 'Tiêu đề thư',
  body: 'Nội dung thư',
  allowed: (names: string) => `Chỗ điền dùng được: ${names}`,
  isDefault: 'Đang dùng mẫu mặc định.',
  isCustomised: (at: string) => `Mẫu đã được quản trị viên sửa (lần cuối ${at}).`,
  missingTitle: 'Mẫu đã sửa thiếu thông tin mà mẫu mặc định hiện có',
  missing: (names: string) =>
    `Mẫu mặc định hiện dùng ${names}, nhưng mẫu đã sửa không có. Người nhận sẽ không thấy thông tin này cho đến khi bạn thêm chỗ điền vào mẫu, hoặc khôi phục mẫu mặc định.`,
  save: 'Lưu mẫu',
  saving: 'Đang lưu…',
  saved: 'Đã lưu mẫu thông báo.',
  restore: 'Khôi phục mẫu mặc định',
  restoring: 'Đang khôi phục…',
  restored: 'Đã khôi phục mẫu mặc định.',
};
