import type { RoleGrantRef } from '../org/access.ts';
import type { Role } from '../org/roles.ts';
import { REFORM_ROLES, type ReformScope, type ReformSubject } from '../reform/access.ts';

/**
 * Who may do what with the PAR Index (Chỉ số CCHC), as a table with the reform access table's
 * scopes: `agency` a grant on the agency or above (the appraiser's grant on the province reaches
 * every agency in it), `unit` a grant on the assessed unit or above, `member` a grant anywhere in
 * the agency. Drafts are read by the reform office, the leaders and (for a unit's own) its head;
 * the appraiser reads only what was submitted.
 */
export const PAR_ACTIONS = [
  'framework.import', // import the province's criteria tree for a year
  'framework.read',
  'assessment.open', // open the agency's or a unit's self-assessment
  'assessment.score', // self points, evidence, submission
  'assessment.read_draft',
  'assessment.read', // a submitted or appraised assessment
  'assessment.appraise', // adjusted points, comments, survey points, finishing
  'remediation.plan', // turn the deducted criteria into tasks
  'ranking.read',
] as const;
export type ParAction = (typeof PAR_ACTIONS)[number];

type Rule = { role: Role; scope: ReformScope; level?: 'agency' | 'unit' };

const OFFICE: Rule = { role: 'reform_officer', scope: 'agency' };
const LEADER: Rule = { role: 'leader', scope: 'agency' };
const APPRAISER: Rule = { role: 'appraiser', scope: 'agency' };

export const PAR_RULES: Record<ParAction, readonly Rule[]> = {
  'framework.import': [OFFICE],
  'framework.read': [OFFICE, LEADER, APPRAISER, { role: 'head_of_unit', scope: 'member' }],
  'assessment.open': [OFFICE],
  'assessment.score': [OFFICE, { role: 'head_of_unit', scope: 'unit', level: 'unit' }],
  'assessment.read_draft': [OFFICE, LEADER, { role: 'head_of_unit', scope: 'unit', level: 'unit' }],
  'assessment.read': [OFFICE, LEADER, APPRAISER, { role: 'head_of_unit', scope: 'unit', level: 'unit' }],
  // The province's appraiser scores agencies; a unit's internal ranking is appraised by the agency's office.
  'assessment.appraise': [
    { ...APPRAISER, level: 'agency' },
    { ...OFFICE, level: 'unit' },
  ],
  'remediation.plan': [OFFICE],
  'ranking.read': [OFFICE, LEADER, APPRAISER, { role: 'head_of_unit', scope: 'member' }],
};

export interface ParSubject extends ReformSubject {
  /** Whether the subject is the agency's own assessment or one of a unit's. */
  level: 'agency' | 'unit';
}

export function parAllowed(action: ParAction, grants: readonly RoleGrantRef[], subject: ParSubject): boolean {
  return PAR_RULES[action].some(
    (rule) =>
      (!rule.level || rule.level === subject.level) &&
      grants.some((g) => {
        if (g.role !== rule.role) return false;
        if (rule.scope === 'agency') return subject.agencyChain.includes(g.unitId);
        if (rule.scope === 'unit') return subject.unitChain.includes(g.unitId);
        return subject.agencyChain.includes(g.unitId) || subject.agencyUnits.has(g.unitId);
      }),
  );
}

/** The roles that reach the PAR Index pages: the reform office's, and the province's appraiser. */
export const PAR_ROLES: readonly Role[] = [...REFORM_ROLES, 'appraiser'];
