import type { RoleGrantRef } from '../org/access.ts';
import type { Role } from '../org/roles.ts';
import type { ReformSubject } from '../reform/access.ts';

/**
 * Who may do what with the periodic reform reports, in the scopes of the reform access table
 * (reform/access.ts): the reform officer drafts and edits; leaders read and export; heads of the
 * agency's units read; nobody else sees them (a report is a draft until it is signed on paper).
 */
export const REPORT_ACTIONS = ['report.manage', 'report.read', 'report.export'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_RULES: Record<ReportAction, readonly { role: Role; scope: 'agency' | 'member' }[]> = {
  'report.manage': [{ role: 'reform_officer', scope: 'agency' }],
  'report.read': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
    { role: 'head_of_unit', scope: 'member' },
  ],
  'report.export': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
  ],
};

export function reportAllowed(
  action: ReportAction,
  grants: readonly RoleGrantRef[],
  subject: ReformSubject,
): boolean {
  return REPORT_RULES[action].some((rule) =>
    grants.some(
      (g) =>
        g.role === rule.role &&
        (subject.agencyChain.includes(g.unitId) ||
          (rule.scope === 'member' && subject.agencyUnits.has(g.unitId))),
    ),
  );
}
