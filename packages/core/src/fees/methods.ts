import { PAYMENT_METHODS } from './api.ts';

/**
 * How each way of paying a fee is counted, as one table. Decision 766 (indicators 3.5 and 3.6)
 * counts what was "paid online" (thanh toán trực tuyến): paid without coming to the counter with
 * the money. The server records the method of each payment and asks this table which methods are
 * online; no SQL restates it.
 */

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** 'online': paid from afar (a bank app, a payment platform); 'in_person': handed over at the counter. */
export type PaymentChannel = 'online' | 'in_person';

export interface PaymentMethodRule {
  channel: PaymentChannel;
  /** Why, in a sentence (for the docs and the person reading the figures). */
  why: string;
}

export const PAYMENT_METHOD_RULES = {
  bank_transfer: {
    channel: 'online',
    why: 'Chuyển khoản vào tài khoản của cơ quan (quét mã VietQR): người dân không phải đến quầy nộp tiền.',
  },
  gateway: {
    channel: 'online',
    why: 'Thanh toán qua nền tảng thanh toán trực tuyến (Cổng Dịch vụ công quốc gia).',
  },
  cash: {
    channel: 'in_person',
    why: 'Nộp tiền mặt tại Bộ phận Một cửa.',
  },
} as const satisfies Record<PaymentMethod, PaymentMethodRule>;

/** Whether a payment by this method counts as paid online (Decision 766, 3.5 and 3.6). */
export const paidOnline = (method: PaymentMethod): boolean =>
  PAYMENT_METHOD_RULES[method].channel === 'online';

/** The methods that count as paid online, in PAYMENT_METHODS' order. */
export const ONLINE_PAYMENT_METHODS: readonly PaymentMethod[] = PAYMENT_METHODS.filter(paidOnline);
