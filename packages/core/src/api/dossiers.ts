import { z } from 'zod';
import { DOCUMENT_FORMS, TIME_UNITS } from '../catalogue/procedure.ts';
import { DOSSIER_ACTIONS } from '../dossier/actions.ts';
import {
  DOCUMENT_EVENT_PAYLOAD_SCHEMAS,
  EVENT_PAYLOAD_SCHEMAS,
  type HistoryAction,
} from '../dossier/events.ts';
import { DOSSIER_FORMS, dossierTimeSchema } from '../dossier/read-model.ts';
import {
  CHANNELS,
  dueChangeSchema,
  END_KINDS,
  extensionRecordSchema,
  OUTCOMES,
  pauseRecordSchema,
  RETURN_CHANNELS,
} from '../dossier/snapshot.ts';
import { DOSSIER_STATES } from '../dossier/states.ts';
import { publicPaymentSchema } from '../fees/api.ts';
import { ROLES } from '../org/roles.ts';
import { publicPostalShipmentSchema } from '../postal/index.ts';
import { instantSchema, itemsOf, namedRefSchema, pageOf } from './common.ts';

/** Answers about dossiers (hồ sơ): the work queue, one dossier, documents, the public lookup. */

/** What a document attached to a dossier is (thành phần hồ sơ, bản quét, bổ sung, kết quả). */
export const DOCUMENT_KINDS = ['applicant', 'scan', 'supplement', 'result', 'digitised', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Document events of a dossier's history, besides the lifecycle's actions. */
export const DOCUMENT_EVENTS = ['document_added', 'document_removed'] as const;

export const TIMELINESS = ['early', 'on_time', 'late', 'in_time', 'overdue'] as const;
export const STEP_RESULTS = ['early', 'on_time', 'late'] as const;
/** What the deadline sweep marks on an open dossier (DOMAIN.md §3): the `risk` column. */
export const DOSSIER_RISKS = ['at_risk', 'overdue'] as const;
export type DossierRisk = (typeof DOSSIER_RISKS)[number];

const state = z.enum(DOSSIER_STATES);

/** The fields every list of dossiers shows. */
export const dossierSummarySchema = z.strictObject({
  id: z.uuid(),
  /** The competent agency, whose calendar counts the dossier's time. */
  agencyId: z.uuid(),
  code: z.string().nullable(),
  version: z.number().int(),
  state,
  stateLabel: z.string(),
  nationalStatus: z.strictObject({ code: z.number().int(), name: z.string() }),
  channel: z.enum(CHANNELS),
  receivedAt: instantSchema.nullable(),
  dueAt: instantSchema.nullable(),
  endedAt: instantSchema.nullable(),
  timeliness: z.enum(TIMELINESS).nullable(),
  /** Core's read model of the dossier's time at the answer's instant (read-model.ts). */
  time: dossierTimeSchema,
});

export const dossierListItemSchema = dossierSummarySchema.extend({
  procedureName: z.string(),
  applicantName: z.string(),
  currentUnit: z.string().nullable(),
  assignee: namedRefSchema.nullable(),
  stepDueAt: instantSchema.nullable(),
});
export const dossierListSchema = pageOf(dossierListItemSchema);

/** The applicant (người nộp hồ sơ) as the staff working on the dossier see them. */
export const applicantViewSchema = z.strictObject({
  name: z.string(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  organisation: z.string().optional(),
  proxyName: z.string().optional(),
  proxyIdNumber: z.string().optional(),
  proxyPhone: z.string().optional(),
});

const stepFields = {
  name: z.string(),
  role: z.enum(ROLES),
  unitCode: z.string().optional(),
  /** The step's share of the processing time, in working hours. */
  hours: z.number(),
};

export const dossierStepSchema = z.strictObject({ ...stepFields, roleLabel: z.string() });

/** The current internal step (bước xử lý), its deadline and who holds it. */
export const currentStepSchema = z.strictObject({
  index: z.number().int(),
  startedAt: instantSchema,
  dueAt: instantSchema,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  ...stepFields,
});

/** What every entry of the dossier's history says besides its payload. */
const eventFields = {
  seq: z.number().int(),
  at: instantSchema,
  actorName: z.string(),
  title: z.string(),
  fromState: state.nullable(),
  toState: state,
  toStateLabel: z.string(),
};

const PAYLOADS = { ...EVENT_PAYLOAD_SCHEMAS, ...DOCUMENT_EVENT_PAYLOAD_SCHEMAS };

/**
 * One entry of the history, its payload typed by its action with core's event schemas
 * (events.ts): a lifecycle action, a document attached or removed, or the import marker.
 */
export const dossierEventSchema = z.discriminatedUnion(
  'action',
  (Object.keys(PAYLOADS) as HistoryAction[]).map((action) =>
    z.strictObject({ ...eventFields, action: z.literal(action), payload: PAYLOADS[action] }),
  ) as unknown as [HistoryEventOption, ...HistoryEventOption[]],
);

type HistoryEventOption = {
  [A in HistoryAction]: z.ZodObject<
    typeof eventFields & { action: z.ZodLiteral<A>; payload: (typeof PAYLOADS)[A] },
    z.core.$strict
  >;
}[HistoryAction];

/** One row of the control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ, form 06). */
export const controlSheetRowSchema = z.strictObject({
  seq: z.number().int(),
  at: instantSchema,
  fromUnit: z.string().nullable(),
  fromUser: z.string().nullable(),
  toUnit: z.string().nullable(),
  toUser: z.string().nullable(),
  stepName: z.string().nullable(),
  stepDueAt: instantSchema.nullable(),
  result: z.enum(STEP_RESULTS).nullable(),
  note: z.string().nullable(),
});

export const dossierDocumentSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: instantSchema,
});

/** A step's word on the dossier, as the leader reads it before approving. */
export const approvalNoteSchema = z.strictObject({
  seq: z.number().int(),
  at: instantSchema,
  actorName: z.string(),
  action: z.enum(DOSSIER_ACTIONS),
  title: z.string(),
  /** The step the note closed, with the role that held it; null for a return for rework. */
  stepName: z.string().nullable(),
  roleLabel: z.string().nullable(),
  text: z.string().nullable(),
});

/** What the leader reads before approving (phê duyệt): the draft result, the notes, the documents. */
export const approvalBriefSchema = z.strictObject({
  draft: z.array(dossierDocumentSchema),
  notes: z.array(approvalNoteSchema),
  documents: z.array(dossierDocumentSchema),
});

/** GET /dossiers/approvals: the dossiers awaiting approval, each with its brief. */
export const approvalListResponse = pageOf(dossierListItemSchema.extend({ approval: approvalBriefSchema }));

/**
 * A line of an online dossier's completeness check at acceptance: a document of the procedure,
 * ticked in advance when the citizen uploaded it (core's acceptanceChecklist), with those files.
 */
export const acceptanceRowSchema = z.strictObject({
  name: z.string(),
  copies: z.number().int(),
  form: z.enum(DOCUMENT_FORMS),
  required: z.boolean(),
  template: z.string().optional(),
  received: z.boolean(),
  uploaded: z.array(z.string()),
});

/** One dossier as the staff workspace (or its applicant) sees it, with the actions open now. */
export const dossierDetailSchema = dossierSummarySchema
  .extend({
    procedure: z.strictObject({ id: z.uuid(), code: z.string(), name: z.string() }),
    field: z.strictObject({ code: z.string(), name: z.string() }),
    agency: namedRefSchema,
    receivingUnit: namedRefSchema,
    currentUnit: namedRefSchema.nullable(),
    assignee: namedRefSchema.nullable(),
    applicant: applicantViewSchema,
    processingTime: z.strictObject({ value: z.number(), unit: z.enum(TIME_UNITS) }),
    steps: z.array(dossierStepSchema),
    step: currentStepSchema.nullable(),
    submittedAt: instantSchema.nullable(),
    acceptanceDueAt: instantSchema.nullable(),
    countingStartAt: instantSchema.nullable(),
    originalDueAt: instantSchema.nullable(),
    dueHistory: z.array(dueChangeSchema),
    pauses: z.array(pauseRecordSchema),
    supplementRequests: z.number().int(),
    extension: extensionRecordSchema.nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    returnedAt: instantSchema.nullable(),
    returnChannel: z.enum(RETURN_CHANNELS).nullable(),
    endKind: z.enum(END_KINDS).nullable(),
    /** The standard forms (01-07) the dossier has something for (read model). */
    forms: z.array(z.enum(DOSSIER_FORMS)),
    /** While it awaits approval: the draft, the steps' notes and the documents. */
    approval: approvalBriefSchema.nullable(),
    availableActions: z.array(z.strictObject({ action: z.enum(DOSSIER_ACTIONS), title: z.string() })),
    events: z.array(dossierEventSchema),
    controlSheet: z.array(controlSheetRowSchema),
    documents: z.array(dossierDocumentSchema),
    /**
     * An online dossier awaiting acceptance: the checklist ticked for what the citizen uploaded,
     * which the counter officer confirms or unticks; null otherwise.
     */
    acceptanceChecklist: z.array(acceptanceRowSchema).nullable(),
    /** An online dossier's e-form answers, labelled from the procedure's form; null for a counter one. */
    eformAnswers: z
      .array(z.strictObject({ key: z.string(), label: z.string(), value: z.string() }))
      .nullable(),
  })
  .meta({ id: 'DossierDetail' });

/** People who can be assigned the current step. */
export const assigneeSchema = z.strictObject({ id: z.uuid(), fullName: z.string(), role: z.enum(ROLES) });
export const assigneeListSchema = itemsOf(assigneeSchema);

/** A document just attached: checked by its content, stored under its hash. */
export const attachedDocumentSchema = z.strictObject({
  id: z.uuid(),
  sha256: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  name: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
});

export const removedDocumentSchema = z.strictObject({ id: z.uuid(), removedAt: instantSchema });

export const WORK_COUNTS = ['overdue', 'atRisk', 'dueToday', 'toProcess', 'toReceive', 'toApprove'] as const;

/**
 * The counts on a role's home, each with the query string of the queue it links to; for a leader,
 * the dossiers longest past their date.
 */
export const workSummarySchema = z.strictObject({
  items: z.array(z.strictObject({ key: z.enum(WORK_COUNTS), count: z.number().int(), query: z.string() })),
  mostOverdue: z.array(dossierListItemSchema),
});

export const receiptAddressSchema = z.strictObject({
  publicUrl: z.string(),
  configured: z.boolean(),
  missing: z.boolean(),
});

/** What anyone may see of a dossier by its code: personal data masked, no officer named. */
export const dossierLookupSchema = z.strictObject({
  code: z.string().nullable(),
  status: z.strictObject({ code: z.number().int(), name: z.string(), state }),
  procedure: z.strictObject({ code: z.string(), name: z.string() }),
  agency: z.string().nullable(),
  applicant: z.strictObject({
    name: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  submittedAt: instantSchema.nullable(),
  receivedAt: instantSchema.nullable(),
  dueAt: instantSchema.nullable(),
  returnedAt: instantSchema.nullable(),
  endedAt: instantSchema.nullable(),
  /** Where the dossier is now, in plain words, when known. */
  standing: z.string().nullable(),
  /** What the applicant should do now. */
  whatNext: z.string(),
  /** Received or sent back by post: the carrier and the tracking number (docs/signing.md). */
  postal: z.array(publicPostalShipmentSchema),
  /** While the dossier waits for payment (status 6): how to pay it by transfer (VietQR). */
  payment: publicPaymentSchema.nullable(),
  timeline: z.array(
    z.strictObject({
      at: instantSchema,
      action: z.enum(DOSSIER_ACTIONS),
      title: z.string(),
      /** What happened, in plain words. */
      description: z.string(),
      state,
      stateLabel: z.string(),
    }),
  ),
});

/** One staff read of an applicant's data (Decree 13/2023). */
export const personalDataReadSchema = z.strictObject({
  at: instantSchema,
  dossier: z.strictObject({ id: z.uuid(), code: z.string().nullable() }),
  user: z.strictObject({ id: z.uuid(), username: z.string(), fullName: z.string() }),
  /** The roles the reader acted in, or `read_grant`. */
  access: z.string(),
  what: z.enum(['detail', 'form', 'document']),
  item: z.string().nullable(),
});
export const personalDataReadListSchema = pageOf(personalDataReadSchema);

export type DossierSummary = z.infer<typeof dossierSummarySchema>;
export type DossierListItem = z.infer<typeof dossierListItemSchema>;
export type ApplicantView = z.infer<typeof applicantViewSchema>;
export type DossierStep = z.infer<typeof dossierStepSchema>;
export type CurrentStep = z.infer<typeof currentStepSchema>;
export type DossierEventView = z.infer<typeof dossierEventSchema>;
export type ControlSheetRow = z.infer<typeof controlSheetRowSchema>;
export type DossierDocument = z.infer<typeof dossierDocumentSchema>;
export type DossierDetail = z.infer<typeof dossierDetailSchema>;
export type Assignee = z.infer<typeof assigneeSchema>;
export type AttachedDocument = z.infer<typeof attachedDocumentSchema>;
export type ApprovalNote = z.infer<typeof approvalNoteSchema>;
export type ApprovalBrief = z.infer<typeof approvalBriefSchema>;
export type ApprovalItem = z.infer<typeof approvalListResponse>['items'][number];
export type WorkSummary = z.infer<typeof workSummarySchema>;
export type WorkCount = WorkSummary['items'][number];
export type DossierLookup = z.infer<typeof dossierLookupSchema>;
export type PersonalDataReadView = z.infer<typeof personalDataReadSchema>;
export type ReceiptAddress = z.infer<typeof receiptAddressSchema>;
