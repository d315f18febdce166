/**
 * Chuỗi tiếng Việt của nộp phí qua VietQR (trang tra cứu, trang hồ sơ của công dân), số tiền do cán
 * bộ nhập khi danh mục chưa quy định, và đường bưu chính (tiếp nhận, trả kết quả qua bưu điện).
 */
export const paymentVi = {
  box: {
    title: 'Nộp phí, lệ phí',
    lead: 'Hồ sơ đang chờ nộp phí, lệ phí. Quét mã VietQR bằng ứng dụng ngân hàng, hoặc chuyển khoản theo thông tin dưới đây.',
    qrAlt: (amount: string, reference: string) => `Mã VietQR chuyển khoản ${amount}, nội dung ${reference}`,
    amount: 'Số tiền',
    bank: 'Ngân hàng',
    accountNumber: 'Số tài khoản',
    accountName: 'Tên tài khoản',
    reference: 'Nội dung chuyển khoản',
    referenceHint: 'Ghi đúng mã hồ sơ để hệ thống tự xác nhận đã nộp.',
    after: 'Sau khi cơ quan nhận được tiền, trạng thái hồ sơ sẽ được cập nhật.',
  },
  entry: {
    lead: 'Danh mục thủ tục chưa quy định mức thu của các khoản dưới đây. Nhập số tiền của từng khoản và căn cứ.',
    priced: (items: string) => `Các khoản đã có mức thu theo danh mục: ${items}.`,
    amount: (name: string) => `Số tiền “${name}” (đồng)`,
    amountHint: 'Số nguyên, không có dấu chấm hay dấu phẩy, ví dụ 150000',
    amountRequired: (name: string) => `Nhập số tiền của “${name}” là số nguyên dương`,
    reason: 'Lý do, căn cứ của số tiền',
    reasonHint: 'Ít nhất 10 ký tự, ví dụ số nghị quyết của Hội đồng nhân dân tỉnh',
    reasonRequired: 'Nhập lý do, căn cứ của số tiền, ít nhất 10 ký tự',
    free: 'Thủ tục này không thu phí, lệ phí.',
  },
  postal: {
    title: 'Bưu chính công ích',
    lines: 'Gửi, nhận qua bưu chính',
    receipt: 'Hồ sơ nhận qua bưu chính',
    return: 'Kết quả gửi qua bưu chính',
    line: (carrier: string, number: string) => `${carrier}, số hiệu ${number}`,
    receiptTitle: 'Ghi nhận hồ sơ nhận qua bưu chính',
    returnTitle: 'Ghi nhận kết quả gửi qua bưu chính',
    carrier: 'Đơn vị bưu chính',
    carrierRequired: 'Chọn đơn vị bưu chính',
    trackingNumber: 'Số hiệu bưu gửi (mã vận đơn)',
    trackingHint: 'Như in trên biên nhận của bưu điện',
    trackingRequired: 'Nhập số hiệu bưu gửi',
    save: 'Lưu',
    saving: 'Đang lưu…',
    saved: 'Đã lưu thông tin bưu chính.',
    none: 'Chưa ghi nhận.',
    recordedAt: (at: string) => `ghi nhận lúc ${at}`,
  },
  counter: {
    ratingLink: 'Mở trang đánh giá hồ sơ tại quầy',
    ratingHint:
      'Khi trả kết quả, mời người dân nhập mã hồ sơ và đánh giá mức độ hài lòng trên máy tính bảng đặt tại quầy.',
  },
};
