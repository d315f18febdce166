import type { Form06Numbers } from '@motcua/core';

/**
 * The wording of Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP) shared by the XLSX and the PDF:
 * the title, and the three levels of column headings above the numbered row (1)-(13). The three
 * columns after (13) are the dossiers that ended otherwise, shown rather than lost (DOMAIN.md §6).
 */

export const FORM06_CODE = 'Biểu số 06/VPCP/KSTT';
export const FORM06_TITLE =
  'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const FORM06_BASIS = 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020';
export const FORM06_UNIT_OF_COUNT = 'Đơn vị tính: Số hồ sơ TTHC';

/** A heading cell: its text, the grid column it starts at (0-based), and how far it spans. */
export interface Heading {
  text: string;
  col: number;
  row: number;
  colSpan?: number;
  rowSpan?: number;
}

export const GRID_COLUMNS = 16;

export const HEADINGS: Heading[] = [
  { text: 'STT', col: 0, row: 0, rowSpan: 3 },
  { text: 'Lĩnh vực giải quyết', col: 1, row: 0, rowSpan: 3 },
  { text: 'Số hồ sơ nhận giải quyết', col: 2, row: 0, colSpan: 4 },
  { text: 'Kết quả giải quyết', col: 6, row: 0, colSpan: 7 },
  { text: 'Hồ sơ kết thúc khác (bổ sung)', col: 13, row: 0, colSpan: 3 },
  { text: 'Tổng số', col: 2, row: 1, rowSpan: 2 },
  { text: 'Trong kỳ', col: 3, row: 1, colSpan: 2 },
  { text: 'Từ kỳ trước chuyển sang', col: 5, row: 1, rowSpan: 2 },
  { text: 'Số hồ sơ đã giải quyết', col: 6, row: 1, colSpan: 4 },
  { text: 'Số hồ sơ đang giải quyết', col: 10, row: 1, colSpan: 3 },
  { text: 'Từ chối giải quyết', col: 13, row: 1, rowSpan: 2 },
  { text: 'Rút hồ sơ', col: 14, row: 1, rowSpan: 2 },
  { text: 'Dừng giải quyết', col: 15, row: 1, rowSpan: 2 },
  { text: 'Trực tuyến', col: 3, row: 2 },
  { text: 'Trực tiếp, dịch vụ bưu chính', col: 4, row: 2 },
  { text: 'Tổng số', col: 6, row: 2 },
  { text: 'Trước hạn', col: 7, row: 2 },
  { text: 'Đúng hạn', col: 8, row: 2 },
  { text: 'Quá hạn', col: 9, row: 2 },
  { text: 'Tổng số', col: 10, row: 2 },
  { text: 'Trong hạn', col: 11, row: 2 },
  { text: 'Quá hạn', col: 12, row: 2 },
];

/** The numbered row under the headings: (1) to (16). */
export const COLUMN_NUMBERS = Array.from({ length: GRID_COLUMNS }, (_, i) => `(${i + 1})`);

/** The numbers of a row in grid order, from column (3). */
export const numbersInOrder = (r: Form06Numbers): number[] => [
  r.receivedTotal,
  r.receivedOnline,
  r.receivedDirect,
  r.carriedOver,
  r.resolvedTotal,
  r.resolvedEarly,
  r.resolvedOnTime,
  r.resolvedLate,
  r.pendingTotal,
  r.pendingInTime,
  r.pendingOverdue,
  r.refused,
  r.withdrawn,
  r.stopped,
];

export const TOTALS_LABEL = 'Tổng cộng';

/** dd/mm/yyyy of a YYYY-MM-DD date. */
export const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export interface Form06Document {
  agencyName: string;
  parentName: string | null;
  unitName: string | null;
  from: string;
  to: string;
  rows: { fieldName: string; numbers: number[] }[];
  totals: number[];
}

export const periodLine = (d: Form06Document) => `Kỳ báo cáo: từ ngày ${dmy(d.from)} đến ngày ${dmy(d.to)}`;
export const reporterLine = (d: Form06Document) =>
  `Đơn vị báo cáo: ${d.agencyName}${d.unitName ? ` - ${d.unitName}` : ''}`;
