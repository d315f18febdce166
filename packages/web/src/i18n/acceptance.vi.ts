/** Chuỗi tiếng Việt của bước tiếp nhận hồ sơ trực tuyến: danh mục giấy tờ đánh dấu sẵn. */
export const acceptanceVi = {
  preTicked:
    'Các giấy tờ công dân đã tải lên được đánh dấu sẵn là đã nhận. Mở từng tệp để kiểm tra; bỏ đánh dấu giấy tờ không hợp lệ hoặc không đúng.',
  noneUploaded: 'Công dân chưa tải lên giấy tờ nào: đánh dấu giấy tờ đã nhận được.',
  uploaded: (files: string) => `Đã tải lên: ${files}`,
  notUploaded: 'Chưa tải lên',
};
