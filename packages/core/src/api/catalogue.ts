import { z } from 'zod';
import {
  CODE_KINDS,
  ONLINE_LEVELS,
  PROCEDURE_STATUSES,
  procedureContentSchema,
  TIME_UNITS,
} from '../catalogue/procedure.ts';
import { civilDateSchema, instantSchema, itemsOf, pageOf } from './common.ts';

/** Answers of the procedure catalogue (danh mục thủ tục hành chính), public and administrative. */

export const NOT_RECEIVABLE_REASONS = ['processing_time_unconfirmed'] as const;
/** Why the counter cannot receive dossiers of a procedure yet; null when it can. */
export const notReceivableReasonSchema = z.enum(NOT_RECEIVABLE_REASONS).nullable();

export const processingTimeViewSchema = z.strictObject({
  value: z.number().nullable(),
  unit: z.enum(TIME_UNITS),
  note: z.string().optional(),
});

export const fieldRefSchema = z.strictObject({ code: z.string(), name: z.string() });
export const agencyRefSchema = z.strictObject({ id: z.uuid(), code: z.string(), name: z.string() });

/** One row of the public search. */
export const procedureSummarySchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  codeKind: z.enum(CODE_KINDS),
  name: z.string(),
  field: fieldRefSchema,
  agency: agencyRefSchema,
  processingTime: processingTimeViewSchema,
  onlineLevel: z.enum(ONLINE_LEVELS),
  status: z.enum(PROCEDURE_STATUSES),
  postalAllowed: z.boolean(),
  hasFees: z.boolean(),
  notReceivableReason: notReceivableReasonSchema,
});
export const procedureListSchema = pageOf(procedureSummarySchema);

/** A version's content as stored (it was checked by `procedureContentSchema` when saved). */
export const procedureContentViewSchema = z.strictObject(procedureContentSchema.shape);

/** Everything a citizen needs to prepare a dossier for one procedure. */
export const publicProcedureSchema = procedureContentViewSchema.extend({
  id: z.uuid(),
  status: z.enum(PROCEDURE_STATUSES),
  version: z.number().int(),
  effectiveFrom: civilDateSchema.nullable(),
  publishedAt: instantSchema.nullable(),
  agency: agencyRefSchema,
  field: fieldRefSchema,
  notReceivableReason: notReceivableReasonSchema,
});

export const fieldItemSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  count: z.number().int(),
});
export const fieldListSchema = itemsOf(fieldItemSchema);
export const agencyListSchema = itemsOf(agencyRefSchema);

// ---------- Administration ----------

export const adminProcedureRowSchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  status: z.enum(PROCEDURE_STATUSES),
  fieldCode: z.string(),
  version: z.number().int().nullable(),
  hasDraft: z.boolean(),
  needsReview: z.array(z.string()),
  /** Of the version in force: null when the counter can receive its dossiers. */
  notReceivableReason: notReceivableReasonSchema,
});
export const adminProcedureListSchema = pageOf(adminProcedureRowSchema);

/** A check of a draft against publication, worded in the request's language. */
export const draftProblemSchema = z.strictObject({
  path: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});

export const VERSION_STATES = ['draft', 'published', 'superseded', 'abolished'] as const;

export const procedureVersionSchema = z.strictObject({
  version: z.number().int(),
  state: z.enum(VERSION_STATES),
  effectiveFrom: civilDateSchema.nullable(),
  effectiveTo: civilDateSchema.nullable(),
  publishedAt: instantSchema.nullable(),
});

export const adminProcedureDetailSchema = z
  .strictObject({
    id: z.uuid(),
    status: z.enum(PROCEDURE_STATUSES),
    agency: agencyRefSchema,
    published: z
      .strictObject({
        version: z.number().int(),
        content: procedureContentViewSchema,
        publishedAt: instantSchema.nullable(),
        effectiveFrom: civilDateSchema.nullable(),
      })
      .nullable(),
    draft: z
      .strictObject({
        version: z.number().int(),
        content: procedureContentViewSchema,
        problems: z.array(draftProblemSchema),
      })
      .nullable(),
    versions: z.array(procedureVersionSchema),
  })
  .meta({ id: 'AdminProcedureDetail' });

/** A check without saving: field errors, or the publication checks when the content is valid. */
export const procedureValidationSchema = z.strictObject({
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  problems: z.array(draftProblemSchema),
});

export const importResultSchema = z.strictObject({
  created: z.number().int(),
  updated: z.number().int(),
  total: z.number().int(),
  published: z.number().int(),
  dryRun: z.boolean(),
});

export type NotReceivableReasonView = z.infer<typeof notReceivableReasonSchema>;
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;
export type PublicProcedure = z.infer<typeof publicProcedureSchema>;
export type FieldItem = z.infer<typeof fieldItemSchema>;
export type AgencyRef = z.infer<typeof agencyRefSchema>;
export type FieldRef = z.infer<typeof fieldRefSchema>;
export type ProcessingTimeView = z.infer<typeof processingTimeViewSchema>;
export type AdminProcedureRow = z.infer<typeof adminProcedureRowSchema>;
export type DraftProblem = z.infer<typeof draftProblemSchema>;
export type ProcedureVersion = z.infer<typeof procedureVersionSchema>;
export type AdminProcedureDetail = z.infer<typeof adminProcedureDetailSchema>;
export type ProcedureValidation = z.infer<typeof procedureValidationSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;

/** A public procedure found by its code (mã thủ tục), for addresses such as /nop-truc-tuyen/SNV-VL-001. */
export const procedureByCodeResponse = z.strictObject({ id: z.uuid(), code: z.string() });
export type ProcedureByCode = z.infer<typeof procedureByCodeResponse>;
