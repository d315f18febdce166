/**
 * The VietQR code (NAPAS EMVCo "QR chuyển khoản") of a fee: the agency's bank (BIN) and account,
 * the exact amount and the dossier code as the transfer description, so that the bank statement
 * line carries what the matching needs. Encoded by `vietnam-qr-pay`, drawn by `qrcode`.
 */
import QRCode from 'qrcode';
import { QRPay } from 'vietnam-qr-pay';

export interface VietQrInput {
  bankBin: string;
  accountNumber: string;
  amountVnd: number;
  /** The dossier code (mã hồ sơ), written as the transfer's description. */
  reference: string;
}

/** The EMVCo payload string, CRC included. */
export function vietQrPayload(input: VietQrInput): string {
  return QRPay.initVietQR({
    bankBin: input.bankBin,
    bankNumber: input.accountNumber,
    amount: String(input.amountVnd),
    purpose: input.reference,
  }).build();
}

/** The account, amount and reference a payload carries; null when it is not a valid VietQR. */
export function readVietQr(payload: string): VietQrInput | null {
  const qr = new QRPay(payload);
  if (!qr.isValid || !qr.consumer?.bankBin || !qr.consumer.bankNumber) return null;
  return {
    bankBin: qr.consumer.bankBin,
    accountNumber: qr.consumer.bankNumber,
    amountVnd: Number(qr.amount ?? 0),
    reference: qr.additionalData?.purpose ?? '',
  };
}

export async function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
}

export async function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
