/**
 * How a fee is paid. The national public service portal's payment platform (Nền tảng thanh toán
 * trực tuyến của Cổng DVC quốc gia) will be one more `PaymentGateway`; bank transfer by VietQR is
 * the one built: the citizen pays from any banking app, the statement import confirms it.
 */
import type { PaymentMethod } from '@motcua/core';
import type { VietQrInput } from './vietqr.ts';
import { vietQrPayload } from './vietqr.ts';

export interface FeeToPay {
  dossierCode: string;
  amountVnd: number;
  account: { bankBin: string; accountNumber: string; accountName: string };
}

/** What the citizen is shown to pay: a QR payload to scan, or an address to go to. */
export type PaymentInstruction =
  | { kind: 'vietqr'; payload: string; transfer: VietQrInput & { accountName: string } }
  | { kind: 'redirect'; url: string };

/** A payment the gateway reports as done (by callback or statement), to confirm the dossier. */
export interface GatewayPayment {
  reference: string;
  amountVnd: number;
  paidAt: Date;
  gatewayReference: string;
}

export interface PaymentGateway {
  readonly method: PaymentMethod;
  /** How to pay this fee. */
  instruct(fee: FeeToPay): Promise<PaymentInstruction>;
}

/** Bank transfer to the agency's account with a VietQR code; confirmed by the statement import. */
export const bankTransferGateway: PaymentGateway = {
  method: 'bank_transfer',
  async instruct(fee) {
    const transfer = {
      bankBin: fee.account.bankBin,
      accountNumber: fee.account.accountNumber,
      amountVnd: fee.amountVnd,
      reference: fee.dossierCode,
    };
    return {
      kind: 'vietqr',
      payload: vietQrPayload(transfer),
      transfer: { ...transfer, accountName: fee.account.accountName },
    };
  },
};
