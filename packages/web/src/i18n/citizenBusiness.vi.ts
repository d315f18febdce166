/** Vietnamese strings of acting for a business on the citizen portal (người đại diện doanh nghiệp). */
export const citizenBusinessVi = {
  actingTitle: 'Bạn đang thao tác với tư cách',
  actingLead:
    'Nếu bạn là người đại diện của doanh nghiệp, hãy chọn doanh nghiệp để nộp hồ sơ và xem hồ sơ thay cho doanh nghiệp.',
  actingLegend: 'Chọn tư cách thao tác',
  self: (name: string) => `Cá nhân: ${name}`,
  selfHint: 'Hồ sơ của chính bạn',
  business: (name: string, taxCode: string) => `${name} (mã số thuế ${taxCode})`,
  providerHint: 'Được xác thực qua tài khoản định danh điện tử của tổ chức: xem mọi hồ sơ của doanh nghiệp',
  declaredHint:
    'Tự khai báo, chưa được xác thực: chỉ xem các hồ sơ bạn đã nộp cho doanh nghiệp; bộ phận một cửa sẽ kiểm tra giấy ủy quyền khi tiếp nhận',
  choose: 'Lưu lựa chọn',
  choosing: 'Đang lưu…',
  chosenSelf: 'Bạn đang thao tác với tư cách cá nhân.',
  chosenBusiness: (name: string) => `Bạn đang thao tác thay cho ${name}.`,
  actingBanner: (name: string, taxCode: string) => `Đang thao tác thay cho ${name} (mã số thuế ${taxCode})`,
  declareTitle: 'Khai báo doanh nghiệp bạn đại diện',
  declareLead:
    'Doanh nghiệp khai báo tại đây chưa được xác thực: bạn chỉ xem được hồ sơ mình nộp cho doanh nghiệp, không xem được hồ sơ doanh nghiệp nộp tại quầy.',
  taxCode: 'Mã số thuế',
  taxCodeHint: '10 chữ số, hoặc 13 chữ số với chi nhánh, ví dụ 0100107518 hoặc 0100107518-001',
  taxCodeRequired: 'Nhập mã số thuế của doanh nghiệp',
  taxCodeFormat: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với chi nhánh (ví dụ 0100107518-001)',
  taxCodeCheckDigit:
    'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp; kiểm tra lại trên giấy chứng nhận đăng ký doanh nghiệp',
  name: 'Tên doanh nghiệp',
  nameHint: 'Như trên giấy chứng nhận đăng ký doanh nghiệp',
  nameRequired: 'Nhập tên doanh nghiệp (ít nhất 2 ký tự)',
  declare: 'Khai báo doanh nghiệp',
  declaring: 'Đang khai báo…',
  declared: (name: string) =>
    `Đã khai báo ${name}. Chọn doanh nghiệp ở trên để thao tác thay cho doanh nghiệp.`,
};
