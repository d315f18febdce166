import { z } from 'zod';
import { type ProcedureContent, processStepSchema, TIME_UNITS } from '../catalogue/procedure.ts';
import { DOSSIER_STATES } from './states.ts';

/**
 * What the lifecycle rules need to know about one dossier, as plain JSON (instants as ISO strings),
 * so that the server can store it as it is and load it back. History lives in dated records (due
 * dates, pauses) rather than in flags, so that a report can ask what held at any past instant.
 */

export const CHANNELS = ['counter', 'online', 'post'] as const; // 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích
export type Channel = (typeof CHANNELS)[number];

/**
 * How processing ended (DOMAIN.md §3: the end is the first of processed, returned, stopped, refused,
 * withdrawn). `returned` is never produced by `decide`, where a result is always processed before it
 * is returned; it is there for dossiers imported from systems that only kept the return date.
 */
export const END_KINDS = ['processed', 'returned', 'refused', 'stopped', 'withdrawn'] as const;
export type EndKind = (typeof END_KINDS)[number];

export const STOP_REASONS = ['stopped_by_agency', 'withdrawn', 'supplement_not_received'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const OUTCOMES = ['granted', 'refused'] as const; // Giải quyết / từ chối giải quyết (có lý do)
export type Outcome = (typeof OUTCOMES)[number];

export const PAUSE_KINDS = ['supplement', 'payment', 'inter_agency'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

export const DUE_CHANGE_CAUSES = ['receipt', 'supplement_received', 'payment_wait', 'extension'] as const;
export type DueChangeCause = (typeof DUE_CHANGE_CAUSES)[number];

export const RETURN_CHANNELS = ['counter', 'post', 'online'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];

const instant = z.iso.datetime({ offset: true });
const id = z.string().trim().min(1).max(200);

/** The parts of a procedure version that the lifecycle uses, copied into the dossier at creation. */
export const dossierProcedureSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(50),
    processingTime: z.strictObject({
      value: z.number().min(0).max(3650),
      unit: z.enum(TIME_UNITS),
    }),
    steps: z.array(processStepSchema).max(50),
    /** Names of the documents the applicant must hand in (thành phần hồ sơ bắt buộc). */
    requiredDocuments: z.array(z.string().trim().min(1).max(1000)).max(200),
  })
  .refine((p) => p.processingTime.unit === 'working_hours' || Number.isInteger(p.processingTime.value), {
    path: ['processingTime', 'value'],
    message: 'a processing time in days must be a whole number (use working_hours for parts of a day)',
  });

export type DossierProcedure = z.infer<typeof dossierProcedureSchema>;

/** What a dossier keeps of a procedure version; null while the version has no processing time. */
export function dossierProcedureOf(p: ProcedureContent): DossierProcedure | null {
  const { value, unit } = p.processingTime;
  if (value === null) return null;
  return {
    code: p.code,
    processingTime: { value, unit },
    steps: p.steps.map((s) => ({ ...s })),
    requiredDocuments: p.documents.filter((doc) => doc.required).map((doc) => doc.name),
  };
}

/** The current internal step (bước xử lý) and its own deadline. */
export const stepStateSchema = z.strictObject({
  index: z.number().int().min(0),
  startedAt: instant,
  dueAt: instant,
  assigneeId: id.nullable(),
});
export type StepState = z.infer<typeof stepStateSchema>;

/** One dated change of the appointment: the one in force at an instant is the last one made by then. */
export const dueChangeSchema = z.strictObject({
  at: instant,
  dueAt: instant,
  cause: z.enum(DUE_CHANGE_CAUSES),
});
export type DueChange = z.infer<typeof dueChangeSchema>;

/**
 * A wait (tạm dừng): for the applicant's supplement, their payment, or another agency. `closedBy` is
 * 'resumed' when the awaited thing came, 'dossier_ended' when the dossier ended while waiting.
 */
export const pauseRecordSchema = z.strictObject({
  kind: z.enum(PAUSE_KINDS),
  startedAt: instant,
  endedAt: instant.nullable(),
  closedBy: z.enum(['resumed', 'dossier_ended']).nullable(),
  /** The state the dossier goes back to when the wait is over. */
  resumeState: z.enum(DOSSIER_STATES),
  /** Supplements only: after this instant the dossier is closed (default 15 working days). */
  limitAt: instant.nullable(),
});
export type PauseRecord = z.infer<typeof pauseRecordSchema>;

/** The one apology and new date a dossier may have (mẫu 04). */
export const extensionRecordSchema = z.strictObject({
  at: instant,
  previousDueAt: instant,
  newDueAt: instant,
  reason: z.string().min(1),
});
export type ExtensionRecord = z.infer<typeof extensionRecordSchema>;

export const withdrawalRequestSchema = z.strictObject({
  requestedAt: instant,
  resumeState: z.enum(DOSSIER_STATES),
});
export type WithdrawalRequest = z.infer<typeof withdrawalRequestSchema>;

export const dossierSnapshotSchema = z.strictObject({
  state: z.enum(DOSSIER_STATES),
  channel: z.enum(CHANNELS),
  /** The applicant's account, when they have one: only they may act as the citizen on the dossier. */
  applicantId: id.nullable(),
  procedure: dossierProcedureSchema,
  /** Online submission, and the 8 working hours the agency has to accept or refuse it. */
  submittedAt: instant.nullable(),
  acceptanceDueAt: instant.nullable(),
  receivedAt: instant.nullable(),
  /** Where the processing time currently counts from: receipt, or the receipt of the supplement. */
  countingStartAt: instant.nullable(),
  /** The appointment in force (ngày hẹn trả), and the one printed on the first receipt. */
  dueAt: instant.nullable(),
  originalDueAt: instant.nullable(),
  dueHistory: z.array(dueChangeSchema),
  step: stepStateSchema.nullable(),
  pauses: z.array(pauseRecordSchema),
  supplementRequests: z.number().int().min(0),
  extension: extensionRecordSchema.nullable(),
  withdrawal: withdrawalRequestSchema.nullable(),
  /** The end of processing (Decision 766): set once, by whichever end comes first. */
  endedAt: instant.nullable(),
  endKind: z.enum(END_KINDS).nullable(),
  stopReason: z.enum(STOP_REASONS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  returnedAt: instant.nullable(),
  returnChannel: z.enum(RETURN_CHANNELS).nullable(),
  /** The instant of the last change; a later command may not be dated before it. */
  updatedAt: instant,
});

export type DossierSnapshot = z.infer<typeof dossierSnapshotSchema>;

/** Milliseconds of an ISO instant stored in a snapshot. */
export function ms(isoInstant: string): number {
  return Date.parse(isoInstant);
}

/** The wait of a kind still open on the dossier, if any. */
export function openPause(d: DossierSnapshot, kind: PauseKind): PauseRecord | undefined {
  return d.pauses.find((p) => p.kind === kind && p.endedAt === null);
}
