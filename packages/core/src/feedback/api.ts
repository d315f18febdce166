import { z } from 'zod';
import { instantSchema } from '../api/common.ts';
import { RATING_VALUES } from '../ratings/values.ts';
import { FEEDBACK_ACTIONS, FEEDBACK_STATES, FEEDBACK_TOPICS } from './lifecycle.ts';
import { REDACTION_KINDS } from './redaction.ts';

/** Request and success bodies of the feedback routes; the web's types are inferred from them. */

export const FEEDBACK_MESSAGE_MAX = 5000;

export const feedbackSubmitBody = z
  .strictObject({
    topic: z.enum(FEEDBACK_TOPICS, { message: 'feedback_topic_required' }),
    procedureId: z.uuid().optional(),
    dossierCode: z.string().trim().max(60).optional(),
    /** The agency a conduct case is about, when no dossier is named. */
    agencyId: z.uuid().optional(),
    message: z
      .string()
      .trim()
      .min(20, { message: 'feedback_message_short' })
      .max(FEEDBACK_MESSAGE_MAX, { message: 'feedback_message_long' }),
    contactName: z.string().trim().max(120).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.topic === 'procedure' && !b.procedureId)
      ctx.addIssue({ code: 'custom', path: ['procedureId'], message: 'feedback_procedure_required' });
    if (b.topic === 'dossier' && !b.dossierCode)
      ctx.addIssue({ code: 'custom', path: ['dossierCode'], message: 'feedback_dossier_required' });
    if (b.topic === 'conduct' && !b.dossierCode && !b.agencyId)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'feedback_agency_required' });
  });
export type FeedbackSubmit = z.infer<typeof feedbackSubmitBody>;

export const feedbackReceivedResponse = z.strictObject({
  id: z.string(),
  reference: z.string(),
  agencyName: z.string(),
  receivedAt: instantSchema,
  dueAt: instantSchema,
});
export type FeedbackReceived = z.infer<typeof feedbackReceivedResponse>;

export const feedbackCaseView = z.strictObject({
  id: z.string(),
  reference: z.string(),
  agencyId: z.string(),
  topic: z.enum(FEEDBACK_TOPICS),
  procedureName: z.string().nullable(),
  dossierCode: z.string().nullable(),
  message: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  state: z.enum(FEEDBACK_STATES),
  receivedAt: instantSchema,
  dueAt: instantSchema,
  /** Working days left to the deadline (negative once past), while unanswered. */
  workingDaysLeft: z.number().int().nullable(),
  unit: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  assignee: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  answer: z.string().nullable(),
  answeredAt: instantSchema.nullable(),
  timeliness: z.enum(['on_time', 'late']).nullable(),
  rejectReason: z.string().nullable(),
  closedAt: instantSchema.nullable(),
  rating: z.enum(RATING_VALUES).nullable(),
  publishedAt: instantSchema.nullable(),
  version: z.number().int(),
  actions: z.array(z.enum(FEEDBACK_ACTIONS)),
  canPublish: z.boolean(),
  /**
   * Where the case may be given, for a user who may assign it, read with the case (null in lists
   * and for anyone else): the agency's units and the officers granted on each.
   */
  assignable: z
    .strictObject({
      units: z.array(z.strictObject({ id: z.string(), name: z.string() })),
      officers: z.array(z.strictObject({ id: z.string(), name: z.string(), unitId: z.string() })),
    })
    .nullable(),
});
export type FeedbackCase = z.infer<typeof feedbackCaseView>;

export const feedbackListResponse = z.strictObject({ items: z.array(feedbackCaseView) });

export const feedbackActionBody = z.strictObject({
  version: z.number().int(),
  unitId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  answer: z
    .string()
    .trim()
    .min(10, { message: 'feedback_answer_short' })
    .max(FEEDBACK_MESSAGE_MAX)
    .optional(),
  reason: z.string().trim().min(5, { message: 'feedback_reason_short' }).max(1000).optional(),
  note: z.string().trim().max(1000).optional(),
});

export const feedbackPublicationDraft = z.strictObject({
  question: z.string(),
  answer: z.string(),
  removed: z.array(z.strictObject({ kind: z.enum(REDACTION_KINDS), count: z.number().int() })),
});
export const feedbackPublishBody = z.strictObject({
  question: z.string().trim().min(10).max(FEEDBACK_MESSAGE_MAX),
  answer: z.string().trim().min(10).max(FEEDBACK_MESSAGE_MAX),
});

export const publishedFeedbackView = z.strictObject({
  reference: z.string(),
  topic: z.enum(FEEDBACK_TOPICS),
  agencyName: z.string(),
  procedureName: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  receivedOn: z.string(),
  answeredOn: z.string(),
  publishedAt: instantSchema,
});
export type PublishedFeedback = z.infer<typeof publishedFeedbackView>;
export const publishedFeedbackResponse = z.strictObject({
  items: z.array(publishedFeedbackView),
  total: z.number().int(),
});

/** What the citizen sees before rating an answer: the case reference, its answer, and whether it is rated. */
export const feedbackRatingFormResponse = z.strictObject({
  reference: z.string(),
  agencyName: z.string(),
  answer: z.string(),
  ratedAt: instantSchema.nullable(),
});

export const feedbackStatisticsResponse = z.strictObject({
  agencyId: z.string(),
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  byState: z.strictObject({
    received: z.number().int(),
    assigned: z.number().int(),
    answered: z.number().int(),
    closed: z.number().int(),
    rejected: z.number().int(),
  }),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  /** Answered on time / answered, in percent; null with nothing answered. */
  onTimeRate: z.number().nullable(),
  ratings: z.strictObject({
    satisfied: z.number().int(),
    acceptable: z.number().int(),
    not_satisfied: z.number().int(),
  }),
});
export type FeedbackStatistics = z.infer<typeof feedbackStatisticsResponse>;
