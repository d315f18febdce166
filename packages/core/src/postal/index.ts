/**
 * The postal channel (bưu chính công ích, Decision 45/2016/QĐ-TTg): a dossier received by post, or
 * its result sent back by post, is recorded with the carrier and the tracking number. The carriers
 * and the form of their tracking numbers are a typed table; the public lookup shows the carrier and
 * the number only (no address, no name).
 */
import { z } from 'zod';
import { instantSchema } from '../api/common.ts';
import type { DossierState } from '../dossier/states.ts';
import type { Localised } from '../i18n/locale.ts';

export const POSTAL_CARRIERS = ['vnpost', 'viettel_post', 'other'] as const;
export type PostalCarrier = (typeof POSTAL_CARRIERS)[number];
export const POSTAL_DIRECTIONS = ['receipt', 'return'] as const;
export type PostalDirection = (typeof POSTAL_DIRECTIONS)[number];

/** Each carrier: its name, the form of its tracking numbers and how to say it. */
export const CARRIER_RULES: Readonly<
  Record<PostalCarrier, { name: Localised; pattern: RegExp; format: Localised }>
> = {
  vnpost: {
    name: { vi: 'Bưu điện Việt Nam (VNPost)', en: 'Vietnam Post (VNPost)' },
    // UPU S10: two letters, eight digits and a check digit, "VN".
    pattern: /^[A-Z]{2}\d{9}VN$/,
    format: {
      vi: 'Số hiệu bưu gửi của Bưu điện Việt Nam gồm 2 chữ cái, 9 chữ số và “VN”, ví dụ EB123456789VN',
      en: 'A Vietnam Post tracking number is 2 letters, 9 digits and "VN", e.g. EB123456789VN',
    },
  },
  viettel_post: {
    name: { vi: 'Viettel Post', en: 'Viettel Post' },
    pattern: /^\d{9,15}$/,
    format: {
      vi: 'Mã vận đơn Viettel Post gồm 9 đến 15 chữ số, ví dụ 1234567890',
      en: 'A Viettel Post tracking number is 9 to 15 digits, e.g. 1234567890',
    },
  },
  other: {
    name: { vi: 'Đơn vị bưu chính khác', en: 'Another postal carrier' },
    pattern: /^[A-Z0-9]{6,30}$/,
    format: {
      vi: 'Mã vận đơn gồm 6 đến 30 chữ cái không dấu hoặc chữ số',
      en: 'A tracking number is 6 to 30 letters (no accents) or digits',
    },
  },
};

/** The number as carriers print it: capitals, without spaces or dashes. */
export function normaliseTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** Why a tracking number does not fit its carrier's form, or null when it does. */
export function trackingNumberProblem(carrier: PostalCarrier, normalised: string): Localised | null {
  const rule = CARRIER_RULES[carrier];
  return rule.pattern.test(normalised) ? null : rule.format;
}

/** When each direction may be recorded: receipt for dossiers received by post, return once there is a result. */
export const POSTAL_DIRECTION_RULES: Readonly<
  Record<PostalDirection, { allowed: (d: { channel: string; state: DossierState }) => boolean }>
> = {
  receipt: { allowed: (d) => d.channel === 'post' },
  return: { allowed: (d) => d.state === 'result_ready' || d.state === 'returned' },
};

export const postalShipmentInput = z.strictObject({
  carrier: z.enum(POSTAL_CARRIERS),
  trackingNumber: z.string().max(60),
});
export type PostalShipmentInput = z.infer<typeof postalShipmentInput>;

export const postalShipmentSchema = z.strictObject({
  direction: z.enum(POSTAL_DIRECTIONS),
  carrier: z.enum(POSTAL_CARRIERS),
  carrierName: z.string(),
  trackingNumber: z.string(),
  recordedAt: instantSchema,
});
export type PostalShipment = z.infer<typeof postalShipmentSchema>;

/** A dossier's shipments, as staff see them. */
export const postalShipmentsSchema = z.strictObject({
  receipt: postalShipmentSchema.nullable(),
  return: postalShipmentSchema.nullable(),
});
export type PostalShipments = z.infer<typeof postalShipmentsSchema>;

/** What the public lookup shows of a shipment: the carrier and the number, nothing personal. */
export const publicPostalShipmentSchema = postalShipmentSchema.pick({
  direction: true,
  carrierName: true,
  trackingNumber: true,
});
