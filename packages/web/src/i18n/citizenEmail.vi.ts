/** Chuỗi tiếng Việt của việc thêm địa chỉ email cho tài khoản đăng nhập bằng VNeID. */
export const citizenEmailVi = {
  title: 'Địa chỉ email nhận thông báo',
  current: (email: string) => `Thư thông báo về hồ sơ và phản ánh được gửi tới ${email}.`,
  noneTitle: 'Bạn chưa nhận được thông báo qua email',
  none: 'Tài khoản VNeID của bạn không có địa chỉ email, nên hệ thống không gửi được thư thông báo nào về hồ sơ hay phản ánh của bạn. Thêm địa chỉ email dưới đây để nhận thông báo.',
  email: 'Địa chỉ email',
  emailHint: 'Chúng tôi gửi một mã xác nhận gồm 6 chữ số tới địa chỉ này',
  send: 'Gửi mã xác nhận',
  sending: 'Đang gửi mã…',
  codeLead: (email: string, minutes: number) =>
    `Chúng tôi đã gửi mã xác nhận tới ${email}. Mã có hiệu lực trong ${minutes} phút.`,
  code: 'Mã xác nhận',
  verify: 'Xác nhận địa chỉ email',
  verifying: 'Đang xác nhận…',
  otherEmail: 'Dùng địa chỉ email khác',
  added: (email: string) => `Đã thêm địa chỉ email ${email}. Từ nay bạn nhận thông báo qua địa chỉ này.`,
};
