import { z } from 'zod';
import { SURVEY_CHANNELS, SURVEY_ELEMENTS } from './elements.ts';
import { questionnaireContentSchema } from './questionnaire.ts';

/** Success bodies of /api/v1/surveys and /api/v1/public/surveys; the web's types are inferred from them. */

export const questionnaireResponse = z.strictObject({
  id: z.string(),
  agencyId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  content: questionnaireContentSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  responses: z.number().int(),
});
export type QuestionnaireView = z.infer<typeof questionnaireResponse>;

export const questionnairesResponse = z.strictObject({
  items: z.array(questionnaireResponse),
  canManage: z.boolean(),
});

/** What a kiosk or a link shows before answering. */
export const surveyFormResponse = z.strictObject({
  questionnaireId: z.string(),
  version: z.number().int(),
  content: questionnaireContentSchema,
  agencyName: z.string(),
  unitName: z.string(),
  dossierCode: z.string().nullable(),
});
export type SurveyForm = z.infer<typeof surveyFormResponse>;

export const surveyAnsweredResponse = z.strictObject({
  id: z.string(),
  channel: z.enum(SURVEY_CHANNELS),
});

export const kioskResponse = z.strictObject({
  token: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  expiresAt: z.string(),
});

export const surveyLinkResponse = z.strictObject({
  token: z.string(),
  path: z.string(),
  answeredAt: z.string().nullable(),
});

export const surveyResultsResponse = z.strictObject({
  agencyId: z.string(),
  unitId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  elements: z.array(
    z.strictObject({
      element: z.enum(SURVEY_ELEMENTS),
      answers: z.number().int(),
      satisfied: z.number().int(),
      index: z.number().nullable(),
      mean: z.number().nullable(),
    }),
  ),
  index: z.number().nullable(),
  mean: z.number().nullable(),
  responses: z.number().int(),
  byChannel: z.strictObject({ kiosk: z.number().int(), link: z.number().int(), paper: z.number().int() }),
  returned: z.number().int(),
  required: z.number().int(),
  units: z.array(z.strictObject({ id: z.string(), name: z.string() })),
});
export type SurveyResults = z.infer<typeof surveyResultsResponse>;

export type QuestionnaireList = z.infer<typeof questionnairesResponse>;
export type SurveyAnswered = z.infer<typeof surveyAnsweredResponse>;
export type KioskOpened = z.infer<typeof kioskResponse>;
export type SurveyLinkView = z.infer<typeof surveyLinkResponse>;
