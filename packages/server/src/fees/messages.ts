import type { Localised } from '@motcua/core';

/** Problem codes of fees (phí, lệ phí), spread into PROBLEMS (http/messages.ts). */
export const FEE_PROBLEMS = {
  fee_request_not_found: { vi: 'Không tìm thấy yêu cầu nộp phí', en: 'Fee request not found' },
  fee_account_not_found: {
    vi: 'Không tìm thấy tài khoản thu phí của cơ quan; hãy chọn tài khoản khác hoặc nhờ kế toán khai báo',
    en: 'The agency has no such collection account',
  },
  fee_already_paid: {
    vi: 'Khoản phí này đã được ghi nhận thu (hoặc miễn); không ghi nhận lần nữa. Hãy tải lại trang',
    en: 'This fee is already paid or exempt; reload the page',
  },
  fee_amount_differs: {
    vi: 'Số tiền ghi nhận ({given} đồng) khác số phải nộp ({expected} đồng); hãy kiểm tra lại số tiền',
    en: 'The amount ({given}) differs from the amount due ({expected})',
  },
  /** Refusals of core's feesToCharge: the sentence is core's (feeEntryRefusals). */
  fee_no_fee: { vi: '{reason}', en: '{reason}' },
  fee_needs_amount: { vi: '{reason}', en: '{reason}' },
  fee_priced_by_catalogue: { vi: '{reason}', en: '{reason}' },
  fee_nothing_to_pay: {
    vi: 'Hồ sơ này hiện không có khoản phí, lệ phí nào đang chờ nộp',
    en: 'This dossier has no fee waiting to be paid',
  },
  fee_statement_already_imported: {
    vi: 'Tệp sao kê này đã được nhập trước đây cho tài khoản này; không nhập lại',
    en: 'This statement file was already imported for this account',
  },
  fee_statement_line_not_found: {
    vi: 'Không tìm thấy dòng sao kê chưa khớp',
    en: 'Unmatched statement line not found',
  },
} as const satisfies Record<string, Localised>;
