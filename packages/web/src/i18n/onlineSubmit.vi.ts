/** Vietnamese strings of online submission (nộp trực tuyến). */
export const onlineSubmitVi = {
  start: 'Nộp trực tuyến',
  startHint: 'Bạn cần đăng nhập. Câu trả lời được lưu lại để bạn làm tiếp trên thiết bị khác.',
  caption: 'Nộp hồ sơ trực tuyến',
  signIn: 'Đăng nhập để nộp hồ sơ trực tuyến',
  signInLead: 'Bạn cần đăng nhập bằng VNeID hoặc thư điện tử để nộp hồ sơ và làm tiếp hồ sơ nháp.',
  continue: 'Lưu và tiếp tục',
  back: 'Quay lại',
  checkTitle: 'Kiểm tra câu trả lời trước khi nộp',
  change: 'Thay đổi',
  notAnswered: 'Chưa trả lời',
  submit: 'Nộp hồ sơ',
  submitting: 'Đang nộp…',
  submitLead: 'Khi nộp, bạn xác nhận các thông tin trên là đúng sự thật.',
  doneTitle: 'Đã nộp hồ sơ',
  reference: 'Mã hồ sơ của bạn',
  next: 'Việc tiếp theo',
  nextBody:
    'Bộ phận Một cửa kiểm tra hồ sơ. Nếu hồ sơ đủ, bạn nhận được thư báo đã tiếp nhận cùng ngày hẹn trả kết quả; nếu chưa đủ, thư nêu rõ lý do để bạn bổ sung.',
  lookup: 'Tra cứu tình trạng hồ sơ',
  notOnline: 'Thủ tục này chưa nhận hồ sơ trực tuyến.',
};
