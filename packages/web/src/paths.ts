import type { Form06Column, Role } from '@motcua/core';

/**
 * The dossiers behind a cell of Biểu số 06 (drill-down), as the report, the dashboards and the
 * Decision 766 index link to them: the same names as GET /api/v1/reports/06/dossiers.
 */
export interface Report06DossiersParams {
  from: string;
  to: string;
  agency?: string | undefined;
  unit?: string | undefined;
  field?: string | undefined;
  channel?: 'counter' | 'online' | 'post' | undefined;
  column: Form06Column;
  page?: number | undefined;
}

const query = (params: object) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
};

/** Addresses of the pages, in Vietnamese as citizens read them. */
export const PATHS = {
  home: '/',
  catalogue: '/thu-tuc',
  procedure: (id: string) => `/thu-tuc/${encodeURIComponent(id)}`,
  /** The online application of a procedure, by its code (an old link by id is redirected). */
  onlineSubmit: (code: string) => `/nop-truc-tuyen/${encodeURIComponent(code)}`,
  signIn: '/dang-nhap',
  workspace: '/can-bo',
  changePassword: '/can-bo/doi-mat-khau',
  units: '/can-bo/quan-tri/don-vi',
  users: '/can-bo/quan-tri/nguoi-dung',
  procedures: '/can-bo/quan-tri/thu-tuc',
  newProcedure: '/can-bo/quan-tri/thu-tuc/moi',
  editProcedure: (id: string) => `/can-bo/quan-tri/thu-tuc/${encodeURIComponent(id)}`,
  importExport: '/can-bo/quan-tri/nhap-xuat',
  historyImport: '/can-bo/quan-tri/chuyen-doi-ho-so',
  calendar: '/can-bo/quan-tri/lich',
  lookup: '/tra-cuu-ho-so',
  verify: '/xac-thuc',
  verifyDocument: (documentId: string) => `/xac-thuc/${encodeURIComponent(documentId)}`,
  citizenSignIn: '/dang-nhap-cong-dan',
  citizenHome: '/cong-dan',
  lookupCode: (code: string) => `/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`,
  counter: '/can-bo/quay',
  counterReceive: (procedureId: string) => `/can-bo/quay/tiep-nhan/${encodeURIComponent(procedureId)}`,
  counterReceipt: (dossierId: string) => `/can-bo/quay/da-tiep-nhan/${encodeURIComponent(dossierId)}`,
  dossiers: '/can-bo/ho-so',
  dossier: (id: string) => `/can-bo/ho-so/${encodeURIComponent(id)}`,
  approvals: '/can-bo/phe-duyet',
  reform: '/can-bo/cai-cach',
  surveys: '/can-bo/khao-sat',
  report06: '/can-bo/bao-cao/bieu-06',
  report06Dossiers: (params: Report06DossiersParams) => `/can-bo/bao-cao/ho-so?${query(params)}`,
  dashboard: '/can-bo/bang-dieu-khien',
  publicBoard: '/bang-theo-doi',
  index766: '/can-bo/bao-cao/chi-so-766',
  index766Targets: '/can-bo/quan-tri/chi-so-766',
  feedback: '/phan-anh',
  feedbackPublished: '/phan-anh/cong-khai',
  staffFeedback: '/can-bo/phan-anh',
  ratingFollowUps: '/can-bo/phan-anh/danh-gia',
  feedbackStatistics: '/can-bo/phan-anh/thong-ke',
} as const;

export const ADMIN_ONLY: readonly Role[] = ['administrator'];
export const COUNTER_ONLY: readonly Role[] = ['counter_officer'];
export const LEADERS: readonly Role[] = ['leader'];
/** Who reads the statistics (Biểu số 06) from the workspace menu. */
export const REPORT_READERS: readonly Role[] = ['leader', 'head_of_unit', 'administrator', 'reform_officer'];
/** Those who work on dossiers (the server also lets them see the dossiers of their units). */
export const DOSSIER_WORKERS: readonly Role[] = ['counter_officer', 'specialist', 'head_of_unit', 'leader'];
