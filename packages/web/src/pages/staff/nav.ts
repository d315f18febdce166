import {
  CATALOGUE_EDITORS,
  FEEDBACK_ROLES,
  PAR_ROLES,
  RATING_FOLLOW_UP_ROLES,
  RATING_STATISTICS_ROLES,
  REFORM_ROLES,
  type Role,
  SURVEY_ROLES,
} from '@motcua/core';
import type { Messages } from '../../i18n/vi.ts';
import { ADMIN_ONLY, COUNTER_ONLY, LEADERS, PATHS, REPORT_READERS } from '../../paths.ts';
import { FEE_PAGE_ROLES, FEE_PATHS } from '../fees/paths.ts';

export interface WorkspaceSection {
  to: string;
  /** The roles of the user are given, for a section whose name depends on who reads it. */
  label: (t: Messages, roles: readonly Role[]) => string;
  description?: (t: Messages) => string;
  /** Roles that see the section; none means every signed-in user. */
  roles?: readonly Role[];
  end?: boolean;
}

/** The workspace sections of this release. Other roles' sections come with later releases. */
export const SECTIONS: WorkspaceSection[] = [
  { to: PATHS.workspace, label: (t) => t.workspace.overview, end: true },
  {
    to: PATHS.counter,
    label: (t) => t.workspace.counter,
    description: (t) => t.workspace.counterDesc,
    roles: COUNTER_ONLY,
  },
  {
    to: PATHS.dossiers,
    // Specialists and heads of unit work on their own queue; the counter sees every dossier it holds.
    label: (t, roles) =>
      roles.includes('specialist') || roles.includes('head_of_unit')
        ? t.workspace.myDossiers
        : t.workspace.dossiers,
    description: (t) => t.workspace.dossiersDesc,
    roles: ['counter_officer', 'specialist', 'head_of_unit'],
  },
  {
    to: PATHS.approvals,
    label: (t) => t.workspace.approvals,
    description: (t) => t.workspace.approvalsDesc,
    roles: LEADERS,
  },
  { to: PATHS.reform, label: (t) => t.reform.nav, description: (t) => t.reform.navDesc, roles: REFORM_ROLES },
  {
    to: PATHS.surveys,
    label: (t) => t.surveys.nav,
    description: (t) => t.surveys.navDesc,
    roles: SURVEY_ROLES,
  },
  { to: PATHS.staffFeedback, label: (t) => t.feedback.staffNav, roles: FEEDBACK_ROLES, end: true },
  { to: PATHS.ratingFollowUps, label: (t) => t.feedback.followUpsNav, roles: RATING_FOLLOW_UP_ROLES },
  {
    to: PATHS.feedbackStatistics,
    label: (t) => t.feedback.staff.stats.title,
    roles: RATING_STATISTICS_ROLES,
  },
  {
    to: PATHS.dashboard,
    label: (t) => t.dashboards.nav,
    description: (t) => t.dashboards.navDesc,
    roles: REPORT_READERS,
  },
  {
    to: `${PATHS.reform}/chi-so-cchc`,
    label: (t) => t.par.nav,
    description: (t) => t.par.navDesc,
    roles: PAR_ROLES,
  },
  { to: FEE_PATHS.root, label: (t) => t.fees.nav, description: (t) => t.fees.navDesc, roles: FEE_PAGE_ROLES },
  {
    to: PATHS.report06,
    label: (t) => t.reports.nav,
    description: (t) => t.reports.navDesc,
    roles: REPORT_READERS,
  },
  {
    to: PATHS.index766,
    label: (t) => t.index766.nav,
    description: (t) => t.index766.navDesc,
    roles: REPORT_READERS,
  },
  {
    to: PATHS.procedures,
    label: (t) => t.workspace.procedures,
    description: (t) => t.workspace.proceduresDesc,
    roles: CATALOGUE_EDITORS,
  },
  {
    to: PATHS.importExport,
    label: (t) => t.workspace.importExport,
    description: (t) => t.workspace.importExportDesc,
    roles: CATALOGUE_EDITORS,
  },
  {
    to: PATHS.units,
    label: (t) => t.workspace.units,
    description: (t) => t.workspace.unitsDesc,
    roles: ADMIN_ONLY,
  },
  {
    to: PATHS.users,
    label: (t) => t.workspace.users,
    description: (t) => t.workspace.usersDesc,
    roles: ADMIN_ONLY,
  },
  {
    to: PATHS.historyImport,
    label: (t) => t.historyImport.nav,
    description: (t) => t.historyImport.navDesc,
    roles: ADMIN_ONLY,
  },
  {
    to: PATHS.calendar,
    label: (t) => t.workspace.calendar,
    description: (t) => t.workspace.calendarDesc,
    roles: ADMIN_ONLY,
  },
  {
    to: '/can-bo/quan-tri/mau-thong-bao',
    label: (t) => t.notificationTemplates.nav,
    description: (t) => t.notificationTemplates.navDesc,
    roles: ADMIN_ONLY,
  },
  { to: PATHS.changePassword, label: (t) => t.workspace.changePassword },
];

export function sectionsFor(roles: readonly Role[]): WorkspaceSection[] {
  return SECTIONS.filter((s) => !s.roles || s.roles.some((r) => roles.includes(r)));
}
