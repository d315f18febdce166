import { CATALOGUE_EDITORS, type Role } from '@motcua/core';
import type { Messages } from '../../i18n/vi.ts';
import { ADMIN_ONLY, PATHS } from '../../paths.ts';

export interface WorkspaceSection {
  to: string;
  label: (t: Messages) => string;
  description?: (t: Messages) => string;
  /** Roles that see the section; none means every signed-in user. */
  roles?: readonly Role[];
  end?: boolean;
}

/** The workspace sections of this release. Other roles' sections come with later releases. */
export const SECTIONS: WorkspaceSection[] = [
  { to: PATHS.workspace, label: (t) => t.workspace.overview, end: true },
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
  { to: PATHS.changePassword, label: (t) => t.workspace.changePassword },
];

export function sectionsFor(roles: readonly Role[]): WorkspaceSection[] {
  return SECTIONS.filter((s) => !s.roles || s.roles.some((r) => roles.includes(r)));
}
