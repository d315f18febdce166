/**
 * The electronic receipt (biên lai thu phí, lệ phí) as PDF, in the embedded serif font so every
 * Vietnamese letter prints as written; numbered per agency per year (receipt_sequence). An open fee's
 * payment notice carries the VietQR code to scan.
 */

import type { PaymentMethod } from '@motcua/core';
import { viDateTime, viUpper } from '../documents/format.ts';
import { DECREE_30_MARGINS, type DocumentSpec, para, space } from '../documents/layout.ts';
import { renderPdf } from '../documents/pdf.ts';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

export interface ReceiptFacts {
  agencyName: string;
  number: string;
  paidAt: Date;
  dossierCode: string;
  procedureName: string;
  payerName: string;
  items: { name: string; amountVnd: number }[];
  amountVnd: number;
  method: PaymentMethod;
  recordedBy: string | null;
  exemptionReason: string | null;
}

const METHOD = {
  bank_transfer: 'Chuyển khoản (VietQR)',
  cash: 'Tiền mặt',
  gateway: 'Thanh toán trực tuyến',
} as const;

export async function receiptPdf(f: ReceiptFacts): Promise<Buffer> {
  const spec: DocumentSpec = {
    title: `Biên lai thu phí, lệ phí số ${f.number}`,
    author: f.agencyName,
    orientation: 'portrait',
    margins: DECREE_30_MARGINS,
    bodySize: 13,
    blocks: [
      para({ text: viUpper(f.agencyName), bold: true }, { align: 'center', rule: true }),
      space(12),
      para({ text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', bold: true }, { align: 'center', size: 15 }),
      para(`Số: ${f.number}`, { align: 'center', spaceAfter: 12 }),
      para(`Người nộp: ${f.payerName}`),
      para(`Mã hồ sơ: ${f.dossierCode}`),
      para(`Thủ tục: ${f.procedureName}`),
      ...f.items.map((i) => para(`– ${i.name}: ${vnd(i.amountVnd)}`, { indentMm: 5 })),
      ...(f.exemptionReason ? [para(`Miễn, giảm: ${f.exemptionReason}`)] : []),
      para([{ text: 'Số tiền đã nộp: ', bold: true }, { text: vnd(f.amountVnd) }]),
      para(`Hình thức nộp: ${METHOD[f.method]}`),
      para(`Thời điểm nộp: ${viDateTime(f.paidAt)}`),
      space(18),
      para({ text: 'Người thu tiền', bold: true }, { align: 'right' }),
      para(f.recordedBy ?? 'Hệ thống (đối chiếu sao kê ngân hàng)', { align: 'right' }),
    ],
  };
  return renderPdf(spec);
}
