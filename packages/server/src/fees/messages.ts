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
  fee_no_fee: {
    vi: 'Thủ tục này không thu phí, lệ phí; không cần yêu cầu nộp phí',
    en: 'The procedure charges no fee',
  },
  fee_needs_amount: {
    vi: 'Danh mục chưa có mức thu xác định cho: {names}. Hãy nhập mức thu của từng khoản',
    en: 'The catalogue has no confirmed amount for: {names}. Enter the amounts',
  },
  fee_priced_by_catalogue: {
    vi: 'Danh mục đã quy định mức thu của mọi khoản phí thủ tục này; không nhập số tiền khác. Nếu người nộp được miễn, giảm, hãy ghi nhận miễn, giảm kèm lý do',
    en: 'The catalogue prices every fee of this procedure; record an exemption instead of another amount',
  },
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
