import { z } from 'zod';
import { publicPaymentSchema } from '../fees/api.ts';
import { publicPostalShipmentSchema } from '../postal/index.ts';
import { RATING_VALUES } from '../ratings/values.ts';
import { instantSchema } from './common.ts';
import { dossierSummarySchema } from './dossiers.ts';

/** Answers of "my dossiers" (hồ sơ của tôi) on the citizen portal: what the citizen may see of theirs. */

export const citizenDossierItemSchema = dossierSummarySchema.extend({
  procedureName: z.string(),
});

export const citizenDossierListResponse = z.strictObject({
  items: z.array(citizenDossierItemSchema),
});

/** A public-safe event: what happened and when, no officer's name or note. */
export const citizenTimelineEventSchema = z.strictObject({
  at: instantSchema,
  title: z.string(),
  toStateLabel: z.string(),
});

export const citizenSupplementItemSchema = z.strictObject({
  number: z.number().int(),
  description: z.string(),
  reason: z.string(),
});

export const citizenDossierResponse = citizenDossierItemSchema.extend({
  /** The applicant's identity number, masked. */
  applicantIdNumberMasked: z.string().nullable(),
  timeline: z.array(citizenTimelineEventSchema),
  /** While awaiting a supplement: exactly the items the officer asked for. */
  supplementItems: z.array(citizenSupplementItemSchema),
  canWithdraw: z.boolean(),
  /** The electronic result, when there is one. */
  result: z.strictObject({ filename: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
  /** Received or sent back by post: the carrier and the tracking number. */
  postal: z.array(publicPostalShipmentSchema),
  /** While the dossier waits for payment: the agency's account, the amount, the reference and its VietQR code. */
  payment: publicPaymentSchema.nullable(),
  /** The citizen's rating of the service once given (from any channel: online, link or counter tablet), else null. */
  rating: z.strictObject({ value: z.enum(RATING_VALUES), ratedAt: instantSchema }).nullable(),
});
export type CitizenDossier = z.infer<typeof citizenDossierResponse>;

/** The answer to an online supplement: applied now, or already by an earlier click or retry. */
export const citizenSupplementAnswer = z.strictObject({ applied: z.enum(['now', 'already']) });

export const citizenWithdrawalBody = z.strictObject({
  reason: z.string().trim().min(5).max(1000),
  expectedVersion: z.number().int().min(1),
});

/** A citizen's notification choices: no channel at all means they are told nothing. */
export const citizenNotificationPreferences = z.strictObject({
  locale: z.enum(['vi', 'en']),
  channels: z.array(z.enum(['email', 'sms', 'zalo'])).max(3),
});
