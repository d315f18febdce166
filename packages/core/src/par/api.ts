import { z } from 'zod';
import { PAR_SYSTEM_MEASURES } from './criteria.ts';
import { PAR_STATUSES } from './scoring.ts';

/** The PAR Index API's answers (/api/v1/par); the web's types are inferred from them. */

const criterion = z.strictObject({
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  guidance: z.string(),
  evidence: z.string(),
  systemMeasure: z.enum(PAR_SYSTEM_MEASURES).nullable(),
  survey: z.boolean(),
  owner: z.string().nullable(),
});

const maxima = z.strictObject({ total: z.number(), self: z.number(), survey: z.number() });

export const parFrameworkSummary = z.strictObject({
  id: z.uuid(),
  provinceId: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  note: z.string(),
  maxima,
  importedAt: z.string(),
});

export const parFrameworksResponse = z.strictObject({
  items: z.array(parFrameworkSummary),
  /** The agency whose province the user may import criteria for (the reform officer's), else null. */
  importAgencyId: z.uuid().nullable(),
});
export const parFrameworkResponse = parFrameworkSummary.extend({ criteria: z.array(criterion) });
export const parImportResponse = z.strictObject({ id: z.uuid(), criteria: z.number().int() });
export const parCreatedResponse = z.strictObject({ id: z.uuid() });

const totals = z.strictObject({ self: z.number(), survey: z.number(), final: z.number(), max: z.number() });

export const parAssessmentSummary = z.strictObject({
  id: z.uuid(),
  frameworkId: z.uuid(),
  agencyId: z.uuid(),
  unitId: z.uuid().nullable(),
  name: z.string(),
  status: z.enum(PAR_STATUSES),
  version: z.number().int(),
  totals,
});
export const parAssessmentsResponse = z.strictObject({
  items: z.array(parAssessmentSummary),
  /** The agency the user may open self-assessments of (the reform officer's), else null. */
  openAgencyId: z.uuid().nullable(),
  units: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
});

const score = z.strictObject({
  code: z.string(),
  selfPoints: z.number().nullable(),
  selfNote: z.string(),
  appraisedPoints: z.number().nullable(),
  appraisalComment: z.string(),
  surveySource: z.string(),
  evidence: z.array(z.strictObject({ id: z.uuid(), filename: z.string(), addedAt: z.string() })),
  /** The system's own figure for the year, percent: live in a draft, as submitted afterwards. */
  systemValue: z.number().nullable(),
  remediationTaskId: z.uuid().nullable(),
  /**
   * For a survey criterion: what the agency's own satisfaction surveys (SIPAS) of the year give,
   * the overall index scaled to the criterion's maximum, for the appraiser to use or not.
   */
  surveySuggestion: z
    .strictObject({
      index: z.number().nullable(),
      points: z.number(),
      answers: z.number().int(),
      from: z.string(),
      to: z.string(),
    })
    .nullable(),
});

export const parAssessmentResponse = z.strictObject({
  assessment: parAssessmentSummary,
  framework: parFrameworkResponse,
  scores: z.array(score),
  nodes: z.array(z.strictObject({ code: z.string(), max: z.number(), self: z.number(), final: z.number() })),
  can: z.strictObject({ score: z.boolean(), appraise: z.boolean(), remediate: z.boolean() }),
  remediationPlanId: z.uuid().nullable(),
});

const ranked = z.strictObject({
  assessmentId: z.uuid(),
  unitId: z.uuid().nullable(),
  name: z.string(),
  final: z.number(),
  self: z.number(),
  rank: z.number().int(),
});
export const parRankingResponse = z.strictObject({
  agencies: z.array(ranked),
  units: z.array(ranked),
});
export const parRemediationResponse = z.strictObject({
  planId: z.uuid(),
  tasks: z.array(z.strictObject({ code: z.string(), taskId: z.uuid(), unitId: z.uuid() })),
});

export type ParFrameworksResponse = z.infer<typeof parFrameworksResponse>;
export type ParFrameworkResponse = z.infer<typeof parFrameworkResponse>;
export type ParAssessmentsResponse = z.infer<typeof parAssessmentsResponse>;
export type ParAssessmentResponse = z.infer<typeof parAssessmentResponse>;
export type ParRankingResponse = z.infer<typeof parRankingResponse>;
export type ParRemediationResponse = z.infer<typeof parRemediationResponse>;
