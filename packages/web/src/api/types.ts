import type {
  CodeKind,
  DocumentForm,
  OnlineLevel,
  ProcedureContent,
  ProcedureStatus,
  PublishProblem,
  Role,
  TimeUnit,
  UnitKind,
} from '@motcua/core';

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
}

export type PublicProcedure = ProcedureContent & {
  id: string;
  status: ProcedureStatus;
  version: number;
  effectiveFrom: string | null;
  publishedAt: string | null;
  agency: AgencyRef;
  field: FieldRef;
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
