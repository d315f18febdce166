/** The dossiers behind a cell of Biểu số 06 (drill-down), in Vietnamese. */
export const drilldownVi = {
  title: 'Hồ sơ trong ô báo cáo',
  form: 'Biểu 06',
  field: (name: string) => `Lĩnh vực ${name}`,
  allFields: 'Tất cả lĩnh vực',
  channel: { counter: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' },
  /** Each column of the report in words, as a heading says it. */
  column: {
    receivedTotal: 'Tổng số hồ sơ nhận giải quyết',
    receivedOnline: 'Nhận trong kỳ trực tuyến',
    receivedDirect: 'Nhận trong kỳ trực tiếp, bưu chính',
    carriedOver: 'Từ kỳ trước chuyển sang',
    resolvedTotal: 'Đã giải quyết',
    resolvedEarly: 'Giải quyết trước hạn',
    resolvedOnTime: 'Giải quyết đúng hạn',
    resolvedLate: 'Giải quyết quá hạn',
    pendingTotal: 'Đang giải quyết',
    pendingInTime: 'Đang giải quyết trong hạn',
    pendingOverdue: 'Đang giải quyết quá hạn',
    refused: 'Từ chối giải quyết',
    withdrawn: 'Rút hồ sơ',
    stopped: 'Dừng giải quyết',
  },
  loading: 'Đang tải danh sách hồ sơ…',
  count: (n: number) => `${n.toLocaleString('vi-VN')} hồ sơ`,
  countPaged: (n: number, from: number, to: number) =>
    `${n.toLocaleString('vi-VN')} hồ sơ, đang xem từ ${from} đến ${to}`,
  empty: 'Không có hồ sơ nào trong ô này.',
  caption: 'Danh sách hồ sơ trong ô báo cáo',
  colReceived: 'Ngày tiếp nhận',
  colEnded: 'Ngày kết thúc xử lý',
  back: 'Quay lại Biểu số 06',
  missing: 'Thiếu kỳ báo cáo hoặc cột. Hãy mở danh sách từ một ô của Biểu số 06.',
  /** Said after a cell's number to a screen reader: which dossiers the link lists. */
  cellLink: (column: string, field: string) => `hồ sơ ${column.toLowerCase()}, ${field}: xem danh sách`,
};
export type DrilldownMessages = typeof drilldownVi;
