import type { RoleGrantRef } from '../org/access.ts';
import type { Role } from '../org/roles.ts';

/**
 * Who may do what in the reform office's work (công tác CCHC), as a table. `agency` means a grant
 * held on the agency (or above it); `unit` a grant held on the unit the task, report or standing
 * belongs to (or above it); `member` a grant held anywhere in the agency (an issued plan is read by
 * the heads of all its units). The reform officer runs plans, tasks and inspections; a head of unit
 * reports on the unit's tasks and sees the unit's standing; a leader sees everything of the agency;
 * nobody else sees a draft.
 */
export const REFORM_ACTIONS = [
  'plan.manage', // create, edit, copy, issue a plan; its targets and their reports
  'plan.read', // an issued plan, its targets and their standing
  'plan.read_draft', // a plan not yet issued
  'task.manage', // create, assign, change, close tasks
  'task.read', // see a task and its progress reports
  'task.report', // report progress on a task, with attachments
  'standing.read', // completion and on-time rates of a unit, who is behind
  'inspection.manage', // the yearly inspection list, findings, remediation tasks
  'inspection.read', // see an inspection and its findings
] as const;
export type ReformAction = (typeof REFORM_ACTIONS)[number];

export type ReformScope = 'agency' | 'unit' | 'member';

export const REFORM_RULES: Record<ReformAction, readonly { role: Role; scope: ReformScope }[]> = {
  'plan.manage': [{ role: 'reform_officer', scope: 'agency' }],
  'plan.read': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
    { role: 'head_of_unit', scope: 'member' },
  ],
  'plan.read_draft': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
  ],
  'task.manage': [{ role: 'reform_officer', scope: 'agency' }],
  'task.read': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
    { role: 'head_of_unit', scope: 'unit' },
  ],
  'task.report': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'head_of_unit', scope: 'unit' },
  ],
  'standing.read': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
    { role: 'head_of_unit', scope: 'unit' },
  ],
  'inspection.manage': [{ role: 'reform_officer', scope: 'agency' }],
  'inspection.read': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
    { role: 'head_of_unit', scope: 'unit' },
  ],
};

/** The roles that reach the reform office's pages at all (the navigation shows them the entry). */
export const REFORM_ROLES: readonly Role[] = ['reform_officer', 'leader', 'head_of_unit'];

/** What a check is about: the agency's chain, the subject unit's chain, the agency's units. */
export interface ReformSubject {
  /** The agency and every unit above it. */
  agencyChain: readonly string[];
  /** The subject unit (a task's unit) and every unit above it; the agency's chain for the agency itself. */
  unitChain: readonly string[];
  /** Every unit of the agency (the agency included). */
  agencyUnits: ReadonlySet<string>;
}

/** Whether the grants allow `action` on the subject. */
export function reformAllowed(
  action: ReformAction,
  grants: readonly RoleGrantRef[],
  subject: ReformSubject,
): boolean {
  return REFORM_RULES[action].some((rule) =>
    grants.some((g) => {
      if (g.role !== rule.role) return false;
      if (rule.scope === 'agency') return subject.agencyChain.includes(g.unitId);
      if (rule.scope === 'unit') return subject.unitChain.includes(g.unitId);
      return subject.agencyChain.includes(g.unitId) || subject.agencyUnits.has(g.unitId);
    }),
  );
}
