import type { RoleGrantRef } from '../org/access.ts';
import type { Role } from '../org/roles.ts';
import type { ReformScope, ReformSubject } from '../reform/access.ts';

/**
 * Who may do what with satisfaction surveys (khảo sát SIPAS), in the reform table's terms: `agency`
 * a grant on the agency or above, `unit` a grant on the unit the answers belong to or above. The
 * reform officer keeps the questionnaires and reads the results; leaders read their agency's
 * results; counter officers open the counter tablet and type in paper forms for their unit.
 * Citizens answer by the link they were given, with no account at all.
 */
export const SURVEY_ACTIONS = [
  'questionnaire.manage', // edit a draft, publish a version
  'results.read', // the index by element, unit and period, and the sample against it
  'paper.enter', // type in a paper form
  'kiosk.open', // open the counter tablet page for a unit
] as const;
export type SurveyAction = (typeof SURVEY_ACTIONS)[number];

export const SURVEY_RULES: Record<SurveyAction, readonly { role: Role; scope: ReformScope }[]> = {
  'questionnaire.manage': [{ role: 'reform_officer', scope: 'agency' }],
  'results.read': [
    { role: 'reform_officer', scope: 'agency' },
    { role: 'leader', scope: 'agency' },
  ],
  'paper.enter': [
    { role: 'counter_officer', scope: 'unit' },
    { role: 'reform_officer', scope: 'agency' },
  ],
  'kiosk.open': [{ role: 'counter_officer', scope: 'unit' }],
};

/** The roles that reach the survey pages of the staff workspace. */
export const SURVEY_ROLES: readonly Role[] = ['reform_officer', 'leader', 'counter_officer'];

export function surveyAllowed(
  action: SurveyAction,
  grants: readonly RoleGrantRef[],
  subject: ReformSubject,
): boolean {
  return SURVEY_RULES[action].some((rule) =>
    grants.some((g) => {
      if (g.role !== rule.role) return false;
      if (rule.scope === 'agency') return subject.agencyChain.includes(g.unitId);
      if (rule.scope === 'unit') return subject.unitChain.includes(g.unitId);
      return subject.agencyChain.includes(g.unitId) || subject.agencyUnits.has(g.unitId);
    }),
  );
}
