import { type Role, reportsByUnit, type UnitKind } from '@motcua/core';
import { grantedUnits, holdsRoleOn } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { descendantIds } from '../org/tree.ts';
import { agencyOfUnit, type ReportUnit, reportUnit } from './store.ts';

/** Who reads the statistics and on which agency or unit: the report's and its drill-down's one rule. */

/** Staff who may read an agency's statistics: every working role on it (not citizens). */
export const REPORT_READERS: readonly Role[] = [
  'counter_officer',
  'specialist',
  'head_of_unit',
  'leader',
  'reform_officer',
  'appraiser',
  'administrator',
  'inspector',
];

/** The longest period a report covers: two years and a day (a leap year included). */
export const MAX_REPORT_DAYS = 732;

const DAY_MS = 86_400_000;

function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1)
    throw new Problem(400, 'report_period_reversed', {}, [
      {
        path: 'to',
        message: { vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu', en: 'Must be on or after the start' },
      },
    ]);
  if (days > MAX_REPORT_DAYS)
    throw new Problem(400, 'report_period_too_long', { max: MAX_REPORT_DAYS }, [
      {
        path: 'to',
        message: {
          vi: `Kỳ báo cáo dài tối đa ${MAX_REPORT_DAYS} ngày`,
          en: `A report period is at most ${MAX_REPORT_DAYS} days long`,
        },
      },
    ]);
}

/** The agency (and unit) a report reads, once the reader is known to hold a role on it. */
export interface ReadableScope {
  agency: ReportUnit;
  unit: ReportUnit | null;
  /** The unit and those below it; null for the whole agency. */
  unitIds: string[] | null;
}

/**
 * Who may read an agency's statistics: staff whose role covers the agency; staff of one unit
 * inside it, for that unit only. The agency defaults to that of the unit asked for, else of the
 * reader's first role. The unit is one of the agency's, or a service centre receiving for it (its
 * figures are still the agency's dossiers only). Unknown agency, or a unit of another agency: 404;
 * anyone else: 403.
 */
export async function readableScope(
  db: Queryable,
  session: Session,
  q: { from: string; to: string; agency?: string | undefined; unit?: string | undefined },
): Promise<ReadableScope> {
  checkPeriod(q.from, q.to);
  const granted = grantedUnits(session, REPORT_READERS);
  let agencyId = q.agency ?? null;
  if (!agencyId) {
    for (const unit of [q.unit, ...granted]) if (unit && !agencyId) agencyId = await agencyOfUnit(db, unit);
  }
  const agency = agencyId ? await reportUnit(db, agencyId) : null;
  if (agency?.kind !== 'agency') throw new Problem(404, 'report_agency_not_found');
  const unit = q.unit ? await reportUnit(db, q.unit) : null;
  if (
    q.unit &&
    (!unit || !reportsByUnit({ kind: unit.kind as UnitKind, agencyId: unit.agencyId }, agency.id))
  )
    throw new Problem(404, 'unit_not_found');
  const coversAgency = await holdsRoleOn(db, session, REPORT_READERS, agency.id);
  if (!coversAgency && !(unit && (await holdsRoleOn(db, session, REPORT_READERS, unit.id))))
    throw new Problem(403, 'forbidden');
  const unitIds = unit ? [...(await descendantIds(db, [unit.id]))] : null;
  return { agency, unit, unitIds };
}
