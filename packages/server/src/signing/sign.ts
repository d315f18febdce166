/**
 * The result document of an approval, as a PDF (Vietnamese, embedded serif font with diacritics)
 * with a visible signature block (agency, signer, time, document id and a QR code to the public
 * verification page), signed PAdES B-B (ETSI.CAdES.detached, SHA-256, cms.ts) with the agency's
 * certificate through @signpdf.
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { qrPng } from '../documents/codes.ts';
import { viDateTime } from '../documents/format.ts';
import { b, DECREE_30_MARGINS, type DocumentSpec, i, para } from '../documents/layout.ts';
import { renderPdf } from '../documents/pdf.ts';
import { PadesSigner } from './cms.ts';
import type { SigningMaterial } from './keys.ts';

export interface ResultContent {
  documentId: string;
  agencyName: string;
  procedureName: string;
  dossierCode: string;
  applicantName: string;
  outcome: 'granted' | 'refused';
  resultNumber: string | null;
  /** The leader's note or the refusal's reason. */
  text: string | null;
  signerName: string;
  signedAt: Date;
  verifyUrl: string;
}

/** What the result says, as a page description. */
export async function resultSpec(c: ResultContent): Promise<DocumentSpec> {
  const qr = await qrPng(c.verifyUrl);
  const granted = c.outcome === 'granted';
  return {
    title: `Kết quả giải quyết hồ sơ ${c.dossierCode}`,
    author: c.agencyName,
    orientation: 'portrait',
    margins: DECREE_30_MARGINS,
    bodySize: 13,
    blocks: [
      para(b(c.agencyName.toUpperCase()), { align: 'center', rule: true, spaceAfter: 4 }),
      para(b('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), { align: 'center', fit: true }),
      para(b('Độc lập - Tự do - Hạnh phúc'), { align: 'center', rule: true, spaceAfter: 12 }),
      para(b(granted ? 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH' : 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ'), {
        align: 'center',
        size: 14,
        spaceAfter: 10,
      }),
      para([b('Thủ tục: '), c.procedureName]),
      para([b('Mã hồ sơ: '), c.dossierCode]),
      para([b('Người nộp hồ sơ: '), c.applicantName]),
      ...(c.resultNumber ? [para([b('Số kết quả: '), c.resultNumber])] : []),
      para([
        b('Kết quả: '),
        granted
          ? 'Hồ sơ đã được lãnh đạo cơ quan phê duyệt; kết quả được cấp theo đề nghị.'
          : 'Hồ sơ không được giải quyết.',
      ]),
      ...(c.text ? [para([b(granted ? 'Ghi chú: ' : 'Lý do: '), c.text])] : []),
      { kind: 'space', heightPt: 16 },
      {
        kind: 'columns',
        widths: [1, 2],
        cells: [
          [
            {
              kind: 'image',
              png: qr,
              widthMm: 32,
              heightMm: 32,
              align: 'left',
              alt: 'Mã QR xác thực văn bản',
            },
          ],
          [
            para(b('ĐÃ KÝ SỐ'), { align: 'left' }),
            para([b('Cơ quan: '), c.agencyName], { size: 11 }),
            para([b('Người ký: '), c.signerName], { size: 11 }),
            para([b('Thời gian ký: '), viDateTime(c.signedAt)], { size: 11 }),
            para([b('Mã văn bản: '), c.documentId], { size: 10 }),
            para(i(`Kiểm tra chữ ký tại ${c.verifyUrl}`), { size: 10 }),
          ],
        ],
      },
    ],
  };
}

/** Renders the result, reserves the signature and signs it. Throws when the certificate cannot sign. */
export async function signedResultPdf(c: ResultContent, material: SigningMaterial): Promise<Buffer> {
  const rendered = await renderPdf(await resultSpec(c));
  const pdfDoc = await PDFDocument.load(rendered);
  pdflibAddPlaceholder({
    pdfDoc,
    reason: `Phê duyệt kết quả hồ sơ ${c.dossierCode}`,
    contactInfo: c.agencyName,
    name: c.signerName,
    location: c.agencyName,
    signingTime: c.signedAt,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
    appName: 'Motcua',
  });
  const withPlaceholder = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  // PAdES B-B (cms.ts): the claimed signing time is the dictionary's /M above, not a CMS attribute.
  return new SignPdf().sign(withPlaceholder, new PadesSigner(material));
}
