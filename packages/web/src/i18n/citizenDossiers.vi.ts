/** Vietnamese strings of "my dossiers" on the citizen portal (hồ sơ của tôi). */
export const citizenDossiersVi = {
  title: 'Hồ sơ của tôi',
  lead: 'Các hồ sơ bạn đã nộp trực tuyến hoặc tại Bộ phận Một cửa theo số định danh của bạn.',
  empty: 'Bạn chưa có hồ sơ nào.',
  code: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  status: 'Tình trạng',
  dueAt: 'Ngày hẹn trả',
  timeLeft: 'Thời gian còn lại',
  noCode: 'Chưa có mã',
  notSet: 'Chưa có',
  left: (days: number, hours: number) => `${days} ngày làm việc ${hours} giờ`,
  late: (days: number, hours: number) => `Quá hạn ${days} ngày làm việc ${hours} giờ`,
  open: 'Xem hồ sơ',
  timeline: 'Quá trình xử lý',
  supplementTitle: 'Cơ quan yêu cầu bổ sung',
  result: 'Kết quả điện tử',
  downloadResult: 'Tải kết quả',
  noResult: 'Hồ sơ chưa có kết quả điện tử.',
  back: 'Quay lại danh sách hồ sơ',
};
export type CitizenDossiersMessages = typeof citizenDossiersVi;
