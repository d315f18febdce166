import type {
  CalendarConfig,
  CodeKind,
  DocumentForm,
  DossierAction,
  DossierForm,
  DossierState,
  DossierTime,
  EndComparison,
  ExtensionNoticeReading,
  HolidayKind,
  OnlineLevel,
  ProcedureContent,
  ProcedureStatus,
  PublishProblem,
  Role,
  TimeUnit,
  UnitKind,
  Weekday,
} from '@motcua/core';
import type { ApprovalBrief } from './work.ts';

/** RFC 9457 problem details, as every API error is sent. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: ProblemFieldError[];
}

export interface ProblemFieldError {
  path?: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProcessingTime {
  value: number | null;
  unit: TimeUnit;
  note?: string;
}

export interface FieldRef {
  code: string;
  name: string;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface ProcedureSummary {
  id: string;
  code: string;
  codeKind: CodeKind;
  name: string;
  field: FieldRef;
  agency: AgencyRef;
  processingTime: ProcessingTime;
  onlineLevel: OnlineLevel;
  status: ProcedureStatus;
  postalAllowed: boolean;
  hasFees: boolean;
  /** Why the counter cannot receive dossiers of it yet; null when it can. */
  notReceivableReason: NotReceivableReason | null;
}

export type NotReceivableReason = 'processing_time_unconfirmed';

export type PublicProcedure = ProcedureContent & {
  id: string;
  status: ProcedureStatus;
  version: number;
  effectiveFrom: string | null;
  publishedAt: string | null;
  agency: AgencyRef;
  field: FieldRef;
  notReceivableReason: NotReceivableReason | null;
};

export interface FieldItem {
  code: string;
  name: string;
  count: number;
}

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
}

export interface SessionRole {
  role: Role;
  unitId: string;
  unitName: string;
}

export interface Session {
  user: SessionUser;
  roles: SessionRole[];
  csrfToken: string;
}

export interface Unit {
  id: string;
  parentId: string | null;
  agencyId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  shortName: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  successorId: string | null;
  active: boolean;
}

export interface RoleGrant {
  role: Role;
  unitId: string;
}

export interface AdminUser {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  roles: RoleGrant[];
}

export interface AdminProcedureRow {
  id: string;
  code: string;
  name: string;
  status: ProcedureStatus;
  fieldCode: string;
  version: number | null;
  hasDraft: boolean;
  needsReview: string[];
  /** Of the version in force: null when the counter can receive its dossiers. */
  notReceivableReason: NotReceivableReason | null;
}

export interface DraftProblem extends Omit<PublishProblem, 'code'> {
  code: string;
  message: string;
}

export interface ProcedureVersion {
  version: number;
  state: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedAt: string | null;
}

export interface AdminProcedureDetail {
  id: string;
  status: ProcedureStatus;
  agency: AgencyRef | null;
  published: {
    version: number;
    content: ProcedureContent;
    publishedAt: string | null;
    effectiveFrom: string | null;
  } | null;
  draft: {
    version: number;
    content: ProcedureContent;
    problems: DraftProblem[];
  } | null;
  versions: ProcedureVersion[];
}

export interface ImportResult {
  created: number;
  updated: number;
  total: number;
}

export type { DocumentForm };

// ---------- Dossiers (hồ sơ) ----------

export type DossierChannel = 'counter' | 'post' | 'online';
export type Timeliness = 'early' | 'on_time' | 'late' | 'in_time' | 'overdue';
export type StepResult = 'early' | 'on_time' | 'late';

/** The fields every list of dossiers shows. */
export interface DossierSummary {
  id: string;
  /** The competent agency, whose calendar counts the dossier's time. */
  agencyId: string;
  code: string | null;
  version: number;
  state: DossierState;
  stateLabel: string;
  nationalStatus: { code: number; name: string };
  channel: DossierChannel;
  receivedAt: string | null;
  dueAt: string | null;
  endedAt: string | null;
  timeliness: Timeliness | null;
  /** Core's read model of the dossier's time (dossierTimeSchema), computed by the server. */
  time: DossierTime;
}

export interface DossierListItem extends DossierSummary {
  procedureName: string;
  applicantName: string;
  currentUnit: string | null;
  assignee: { id: string; name: string | null } | null;
  stepDueAt: string | null;
}

export interface Applicant {
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  organisation?: string;
  proxyName?: string;
  proxyIdNumber?: string;
  proxyPhone?: string;
}

export interface DossierStep {
  name: string;
  role: Role;
  roleLabel: string;
  unitCode?: string;
  hours: number;
}

export interface CurrentStep {
  index: number;
  name: string;
  role: Role;
  startedAt: string;
  dueAt: string;
  assigneeId: string | null;
  assigneeName: string | null;
}

export interface DossierPause {
  kind: 'supplement' | 'payment' | 'inter_agency';
  startedAt: string;
  endedAt: string | null;
  closedBy: 'resumed' | 'dossier_ended' | null;
  limitAt: string | null;
}

export interface DossierEvent {
  seq: number;
  at: string;
  actorName: string;
  action: DossierAction;
  title: string;
  fromState: DossierState | null;
  toState: DossierState;
  toStateLabel: string;
  payload: Record<string, unknown>;
}

export interface ControlSheetRow {
  seq: number;
  at: string;
  fromUnit: string | null;
  fromUser: string | null;
  toUnit: string | null;
  toUser: string | null;
  stepName: string | null;
  stepDueAt: string | null;
  result: StepResult | null;
  note: string | null;
}

export type DocumentKind = 'applicant' | 'scan' | 'supplement' | 'result' | 'other';

export interface DossierDocument {
  id: string;
  kind: DocumentKind;
  name: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export interface DossierDetail extends DossierSummary {
  procedure: { id: string; code: string; name: string };
  field: { code: string; name: string };
  agency: { id: string; name: string | null };
  receivingUnit: { id: string; name: string | null };
  currentUnit: { id: string; name: string | null } | null;
  assignee: { id: string; name: string | null } | null;
  applicant: Applicant;
  processingTime: { value: number; unit: TimeUnit };
  steps: DossierStep[];
  step: CurrentStep | null;
  submittedAt: string | null;
  acceptanceDueAt: string | null;
  countingStartAt: string | null;
  originalDueAt: string | null;
  dueHistory: { at: string; dueAt: string; cause: string }[];
  pauses: DossierPause[];
  supplementRequests: number;
  extension: { at: string; previousDueAt: string; newDueAt: string; reason: string } | null;
  outcome: 'granted' | 'refused' | null;
  returnedAt: string | null;
  returnChannel: DossierChannel | null;
  endKind: 'processed' | 'returned' | 'refused' | 'stopped' | 'withdrawn' | null;
  /** The standard forms (01-07) the dossier has something for. */
  forms: DossierForm[];
  availableActions: { action: DossierAction; title: string }[];
  events: DossierEvent[];
  controlSheet: ControlSheetRow[];
  documents: DossierDocument[];
  /** While it awaits approval: the draft, the steps' notes and the documents (api/work.ts). */
  approval: ApprovalBrief | null;
}

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

export interface Assignee {
  id: string;
  fullName: string;
  role?: Role;
}

/** What anyone may see of a dossier by its code: personal data masked, no officer named. */
export interface DossierLookup {
  code: string;
  status: { code: number; name: string; state: DossierState };
  procedure: { code: string; name: string };
  agency: string | null;
  applicant: { name: string; idNumber: string | null; phone: string | null };
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  endedAt: string | null;
  /** Where the dossier is now, in plain words ("Hồ sơ đang được thẩm định tại Phòng …"), when known. */
  standing: string | null;
  /** What the applicant should do now. */
  whatNext: string;
  timeline: {
    at: string;
    action: DossierAction;
    title: string;
    /** What happened, in plain words. */
    description: string;
    state: DossierState;
    stateLabel: string;
  }[];
}

// ---------- Working-day calendar ----------

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** An agency's days off each week, working hours and afternoon cut-off. */
export interface WorkingWeek {
  weeklyDaysOff: CalendarConfig['weeklyDaysOff'];
  workingPeriods: CalendarConfig['workingPeriods'];
  afternoonCutoff: string;
}

export interface CalendarOverrideItem {
  date: string;
  kind: 'off' | 'working';
  name: string;
  /** Entered from an unofficial source: flagged until an administrator confirms it. */
  toConfirm?: boolean;
}

export interface CalendarSettings {
  weeklyDaysOff: Weekday[];
  workingPeriods: { start: string; end: string }[];
  afternoonCutoff: string;
  supplementLimitDays: number;
  /** Decision 766's readings where the law leaves room (core/dossier/policies.ts). */
  endComparison: EndComparison;
  extensionNotice: ExtensionNoticeReading;
}

export interface AdminCalendar {
  agencyId: string | null;
  year: number;
  settings: CalendarSettings;
  overrides: CalendarOverrideItem[];
  inheritedOverrides: CalendarOverrideItem[];
  days: Holiday[];
  /** Whether the year's Tết is the Government's announcement, confirmed, or computed by default. */
  tet?: { status: 'announced' | 'computed'; days: string[]; confirmedAt: string | null };
}
