import { z } from 'zod';
import { PROCESS_STEP_ROLES } from '../org/roles.ts';

/**
 * The procedure catalogue (danh mục thủ tục hành chính), DOMAIN.md §3.
 * One schema serves the API, the XLSX/JSON import and the admin forms, so that a value rejected in
 * one place is rejected everywhere with the same message.
 */

/** National codes look like "1.001653" or "2.000134"; local codes are free but must be marked local. */
export const NATIONAL_CODE_PATTERN = /^[1-3]\.\d{6}$/;

export const CODE_KINDS = ['national', 'local'] as const;
export const PROCEDURE_LEVELS = ['central', 'province', 'commune'] as const; // Cấp thực hiện
export const TIME_UNITS = ['working_days', 'calendar_days', 'working_hours'] as const;
export const DOCUMENT_FORMS = [
  'original',
  'copy',
  'certified_copy',
  'original_or_certified_copy',
  'electronic',
] as const;
export const RESULT_TYPES = ['paper', 'electronic', 'both'] as const;
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const; // toàn trình / một phần / không
export const PROCEDURE_STATUSES = ['draft', 'in_force', 'amended', 'abolished'] as const;

export type CodeKind = (typeof CODE_KINDS)[number];
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
export type TimeUnit = (typeof TIME_UNITS)[number];
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];
export type ResultType = (typeof RESULT_TYPES)[number];
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** Processing time (thời hạn giải quyết). `value` is null when the published figure is not known yet. */
export const processingTimeSchema = z.object({
  value: z.number().min(0).max(3650).nullable(), // 0 working days = within the day (trong ngày)
  unit: z.enum(TIME_UNITS),
  note: z.string().trim().max(1000).optional(),
});

/** A fee or charge (phí, lệ phí). `amountVnd` null means "set by the province / not confirmed". */
export const feeSchema = z.object({
  name: text(300),
  amountVnd: z.number().int().min(0).max(1_000_000_000_000).nullable(),
  note: z.string().trim().max(1000).optional(),
});

/** A required document (thành phần hồ sơ). */
export const requiredDocumentSchema = z.object({
  name: text(1000),
  copies: z.number().int().min(1).max(100),
  form: z.enum(DOCUMENT_FORMS),
  required: z.boolean(),
  /** The form or template to fill (mẫu đơn, tờ khai), e.g. "Mẫu số 11/PLI Nghị định 70/2023/NĐ-CP". */
  template: z.string().trim().max(300).optional(),
});

/** One step of the internal process (quy trình nội bộ, ISO 9001). */
export const processStepSchema = z.object({
  name: text(300),
  role: z.enum(PROCESS_STEP_ROLES),
  /** Code of the unit that performs the step, when it is not the competent agency itself. */
  unitCode: z.string().trim().max(50).optional(),
  /** The step's share of the processing time, in working hours (8 h = 1 working day). */
  hours: z.number().positive().max(29_200),
});

export const publicationSchema = z.object({
  decisionNumber: text(100), // Số quyết định công bố, e.g. "1234/QĐ-UBND"
  date: isoDate,
});

/** Fields an administrator must still confirm against the published text. */
export const REVIEW_FLAGS = ['processingTime', 'fees', 'documents', 'legalBasis', 'code', 'steps'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

/** The content of one version of a procedure, as an administrator edits it. */
export const procedureContentSchema = z
  .object({
    code: text(50),
    codeKind: z.enum(CODE_KINDS),
    name: text(1000),
    /** Code of the field (lĩnh vực), e.g. "viec-lam". */
    fieldCode: text(100),
    /** National unit code of the competent agency (cơ quan thực hiện). */
    agencyCode: text(50),
    level: z.enum(PROCEDURE_LEVELS),
    legalBasis: z.array(text(1000)).max(100),
    processingTime: processingTimeSchema,
    fees: z.array(feeSchema).max(50),
    documents: z.array(requiredDocumentSchema).max(200),
    resultType: z.enum(RESULT_TYPES),
    /** What the applicant receives (kết quả thực hiện), e.g. "Giấy phép lao động". */
    resultName: z.string().trim().max(1000).optional(),
    onlineLevel: z.enum(ONLINE_LEVELS),
    postalAllowed: z.boolean(),
    steps: z.array(processStepSchema).max(50),
    publication: publicationSchema.nullable(),
    /** Who may apply (đối tượng thực hiện). */
    applicants: z.string().trim().max(1000).optional(),
    /** Conditions (yêu cầu, điều kiện), free text. */
    conditions: z.string().trim().max(5000).optional(),
    /** Where to submit and how (cách thức thực hiện), free text for the public page. */
    howToApply: z.string().trim().max(5000).optional(),
    needsReview: z.array(z.enum(REVIEW_FLAGS)).max(REVIEW_FLAGS.length),
  })
  .superRefine(
    (p, ctx) => {
      if (
        p.codeKind === 'national' &&
        typeof p.code === 'string' &&
        !NATIONAL_CODE_PATTERN.test(p.code.trim())
      ) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: 'national_code_format' });
      }
    },
    // Also check the code when other fields are wrong, so a person sees every mistake at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type ProcedureContent = z.infer<typeof procedureContentSchema>;
export type ProcessStep = z.infer<typeof processStepSchema>;
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
export type Fee = z.infer<typeof feeSchema>;

export interface PublishProblem {
  path: string;
  /** Errors block publication; warnings are shown to the administrator but do not block. */
  severity: 'error' | 'warning';
  /** Stable code; the message is looked up in `catalogueMessages`. */
  code: 'processing_time_missing' | 'steps_exceed_time' | 'no_documents' | 'no_publication' | 'needs_review';
}

/** Working hours in one working day, for comparing step shares with the total time. */
export const HOURS_PER_WORKING_DAY = 8;

/** Total processing time in working hours, or null when it cannot be expressed so. */
export function processingHours(time: ProcedureContent['processingTime']): number | null {
  if (time.value === null) return null;
  if (time.unit === 'working_hours') return time.value;
  if (time.unit === 'working_days') return time.value * HOURS_PER_WORKING_DAY;
  return null;
}

/**
 * What must hold before a version can be published (a draft may be incomplete).
 * Publication needs a processing time, at least one document, a publication decision, and internal
 * steps that fit in the processing time. A figure that is missing because it still awaits
 * confirmation against the published text (flagged in `needsReview`) only warns: the procedure is
 * in force whatever the catalogue knows, and citizens are better told "to be confirmed" than
 * nothing. A figure missing without that flag is an omission, and blocks.
 */
export function publishProblems(p: ProcedureContent): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const flagged = (flag: ReviewFlag) => (p.needsReview.includes(flag) ? 'warning' : 'error');
  if (p.processingTime.value === null) {
    problems.push({
      path: 'processingTime.value',
      severity: flagged('processingTime'),
      code: 'processing_time_missing',
    });
  }
  if (p.documents.length === 0)
    problems.push({ path: 'documents', severity: flagged('documents'), code: 'no_documents' });
  if (p.publication === null)
    problems.push({ path: 'publication', severity: 'error', code: 'no_publication' });
  if (p.needsReview.length > 0)
    problems.push({ path: 'needsReview', severity: 'warning', code: 'needs_review' });
  const total = processingHours(p.processingTime);
  const stepHours = p.steps.reduce((sum, s) => sum + s.hours, 0);
  if (total !== null && p.steps.length > 0 && stepHours > total + 1e-9) {
    problems.push({ path: 'steps', severity: 'error', code: 'steps_exceed_time' });
  }
  return problems;
}

/** Why dossiers of a procedure cannot be received yet: the appointment is counted from the processing time. */
export type NotReceivableReason = 'processing_time_unconfirmed';

/**
 * Whether the counter can receive a dossier of this version, and if not why. Publication lets a
 * procedure without a confirmed processing time be in force (citizens are told "to be confirmed"),
 * but no appointment can be written on a receipt until an administrator or the agency's reform
 * officer enters the figure in the catalogue.
 */
export function notReceivableReason(p: Pick<ProcedureContent, 'processingTime'>): NotReceivableReason | null {
  return p.processingTime.value === null ? 'processing_time_unconfirmed' : null;
}

/** True when nothing blocks publication. */
export function isPublishable(p: ProcedureContent): boolean {
  return publishProblems(p).every((problem) => problem.severity !== 'error');
}

/** Publish problems as custom validation issues, so they are worded like any other field error. */
export function problemIssues(problems: readonly PublishProblem[]): z.core.$ZodIssue[] {
  return problems.map(
    (p) =>
      ({
        code: 'custom',
        path: p.path.split('.'),
        message: p.code,
        input: undefined,
      }) as z.core.$ZodIssue,
  );
}
