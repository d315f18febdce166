/** Chuỗi tiếng Việt của các trang mở bằng đường dẫn một lần (khảo sát, đánh giá): bước tiếp theo. */
export const tokenPagesVi = {
  nextHeading: 'Bạn có thể làm tiếp',
  feedbackAnother: 'Gửi phản ánh, kiến nghị khác',
  feedbackPublished: 'Xem các phản ánh, kiến nghị đã được trả lời công khai',
  lookup: 'Tra cứu tình trạng hồ sơ khác',
  home: 'Về trang chủ Cổng dịch vụ công',
};
