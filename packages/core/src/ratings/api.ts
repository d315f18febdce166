import { z } from 'zod';
import { instantSchema } from '../api/common.ts';
import { RATING_CHANNELS, RATING_COMMENT_MAX, RATING_REASON_CODES, RATING_VALUES } from './values.ts';

/** Request and success bodies of the ratings routes; the web's types are inferred from them. */

export const ratingBody = z.strictObject({
  value: z.enum(RATING_VALUES, { message: 'rating_value_required' }),
  reasons: z.array(z.enum(RATING_REASON_CODES)).max(RATING_REASON_CODES.length).default([]),
  comment: z
    .string()
    .trim()
    .max(RATING_COMMENT_MAX, { message: 'rating_comment_too_long' })
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null)),
});
export type RatingInput = z.infer<typeof ratingBody>;

/** What the citizen sees before rating a returned dossier (no personal data: the link may be shared). */
export const ratingFormResponse = z.strictObject({
  dossierCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  unitName: z.string(),
  ratedAt: instantSchema.nullable(),
});
export type RatingForm = z.infer<typeof ratingFormResponse>;

export const ratingGivenResponse = z.strictObject({
  id: z.string(),
  value: z.enum(RATING_VALUES),
  channel: z.enum(RATING_CHANNELS),
  followUp: z.boolean(),
});
export type RatingGiven = z.infer<typeof ratingGivenResponse>;

export const ratingFollowUpView = z.strictObject({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  procedureName: z.string(),
  unitName: z.string(),
  value: z.enum(RATING_VALUES),
  reasons: z.array(z.enum(RATING_REASON_CODES)),
  comment: z.string().nullable(),
  channel: z.enum(RATING_CHANNELS),
  ratedAt: instantSchema,
  closedAt: instantSchema.nullable(),
  closeNote: z.string().nullable(),
});
export type RatingFollowUp = z.infer<typeof ratingFollowUpView>;
export const ratingFollowUpsResponse = z.strictObject({ items: z.array(ratingFollowUpView) });

export const ratingStatisticsResponse = z.strictObject({
  agencyId: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byValue: z.strictObject({
    satisfied: z.number().int(),
    acceptable: z.number().int(),
    not_satisfied: z.number().int(),
  }),
  byReason: z.array(z.strictObject({ code: z.enum(RATING_REASON_CODES), count: z.number().int() })),
  openFollowUps: z.number().int(),
});
export type RatingStatistics = z.infer<typeof ratingStatisticsResponse>;
