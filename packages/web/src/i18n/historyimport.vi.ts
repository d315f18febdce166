/** The history import page (chuyển đổi dữ liệu hồ sơ từ hệ thống cũ). */
export const historyImportVi = {
  nav: 'Chuyển đổi hồ sơ từ hệ thống cũ',
  navDesc: 'Nhập hồ sơ và quá trình xử lý từ hệ thống một cửa trước đây (tệp JSON).',
  title: 'Chuyển đổi hồ sơ từ hệ thống cũ',
  lead: 'Nhập hồ sơ của cơ quan từ hệ thống một cửa điện tử trước đây. Mỗi hồ sơ được tiếp nhận và xử lý lại theo đúng các mốc thời gian trong tệp, theo quy trình và lịch làm việc của cơ quan, nên thời hạn, kết quả đúng hạn/quá hạn và số liệu thống kê như khi xử lý trực tiếp trên hệ thống này.',
  formatLink: 'Định dạng tệp (JSON Schema)',
  sectionTitle: 'Nhập hồ sơ từ tệp',
  file: 'Tệp dữ liệu chuyển đổi (.json)',
  fileHint:
    'Tệp JSON theo định dạng motcua.history-import. Chạy thử trước: không có dữ liệu nào được ghi cho đến khi bạn bấm Nhập dữ liệu.',
  fileRequired: 'Chọn tệp dữ liệu chuyển đổi',
  fileType: 'Chọn tệp JSON (.json)',
  fileNotJson: 'Tệp không phải JSON hợp lệ; hãy kiểm tra lại tệp xuất từ hệ thống cũ',
  check: 'Chạy thử',
  import: 'Nhập dữ liệu',
  checkFirst: 'Chạy thử và sửa mọi lỗi trước khi nhập dữ liệu.',
  checking: 'Đang chạy thử',
  importing: 'Đang nhập dữ liệu',
  progress: (done: number, total: number) => `Đã xử lý ${done}/${total} hồ sơ`,
  checkOk: (imported: number, skipped: number) =>
    `Chạy thử thành công: ${imported} hồ sơ sẽ được nhập${skipped ? `, ${skipped} hồ sơ đã nhập trước đây sẽ được bỏ qua` : ''}. Chưa có dữ liệu nào được ghi.`,
  imported: (imported: number, skipped: number) =>
    `Đã nhập ${imported} hồ sơ${skipped ? `; bỏ qua ${skipped} hồ sơ đã nhập trước đây` : ''}.`,
  refusedTitle: (count: number) =>
    `Có ${count} lỗi; chưa có hồ sơ nào được nhập. Sửa các dòng dưới đây trong tệp rồi chạy thử lại.`,
  refusedCaption: 'Các hồ sơ, sự kiện không được chấp nhận',
  dossier: 'Hồ sơ thứ',
  previousCode: 'Mã hồ sơ cũ',
  event: 'Sự kiện thứ',
  receipt: 'Tiếp nhận',
  rule: 'Mã lỗi',
  reason: 'Lý do',
};
