/**
 * The API's answers as the web sees them: inferred from the zod schemas the server declares on its
 * routes (`@motcua/core`'s api folder), which also check every body it sends. Nothing here is
 * written by hand except the request bodies and the web's own synthetic problem (network failures).
 * Type-only imports: the schemas do not reach the bundle.
 */
import type {
  Problem as ApiProblem,
  WorkCount as ApiWorkCount,
  ApplicantView,
  DocumentForm,
  DossierEventView,
  DossierSummary,
  HolidayView,
  NotReceivableReasonView,
  PersonalDataReadView,
  ProcessingTimeView,
} from '@motcua/core';

export type {
  AdminCalendar,
  AdminProcedureDetail,
  AdminProcedureRow,
  AdminUser,
  AgencyRef,
  Assignee,
  AttachedDocument,
  CalendarOverrideItem,
  CalendarSettings,
  ControlSheetRow,
  CurrentStep,
  DocumentKind,
  DossierDetail,
  DossierDocument,
  DossierListItem,
  DossierLookup,
  DossierStep,
  DossierSummary,
  DraftProblem,
  FieldItem,
  FieldRef,
  HolidaysOfYear,
  ImportResult,
  ProblemFieldError,
  ProcedureSummary,
  ProcedureValidation,
  ProcedureVersion,
  PublicProcedure,
  ReceiptAddress,
  RoleGrant,
  Session,
  SessionRole,
  SessionUser,
  Unit,
  WorkingWeek,
  WorkSummary,
} from '@motcua/core';
export type { DocumentForm };

/**
 * RFC 9457 problem details as the server sends them; the client makes one with only `status` (and
 * a title) when the answer was not a problem, e.g. a network failure.
 */
export type Problem = Partial<ApiProblem> & { status: number };

/** One page of a list. */
export type { Page } from '@motcua/core';

export type ProcessingTime = ProcessingTimeView;
export type NotReceivableReason = NonNullable<NotReceivableReasonView>;
export type Holiday = HolidayView;
export type PersonalDataRead = PersonalDataReadView;
export type WorkCount = ApiWorkCount;

// ---------- Dossiers (hồ sơ) ----------

export type DossierChannel = DossierSummary['channel'];
export type Timeliness = NonNullable<DossierSummary['timeliness']>;
export type Applicant = ApplicantView;
export type DossierEvent = DossierEventView;
export type DossierPause = import('@motcua/core').PauseRecord;
export type StepResult = NonNullable<import('@motcua/core').ControlSheetRow['result']>;

// ---------- Request bodies (validated by the server's own schemas) ----------

export interface ChecklistItem {
  document: string;
  received: boolean;
  copies?: number;
}

export interface CreateDossierBody {
  procedureId: string;
  channel: DossierChannel;
  receivingUnitId?: string;
  applicant: Applicant;
  decision: 'receive' | 'refuse';
  checklist: ChecklistItem[];
  reason?: string;
}
