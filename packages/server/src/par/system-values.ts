import { PAR_SYSTEM_MEASURES, type ParSystemMeasure, roundPoints } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { targetsWithStanding } from '../reform/measures.ts';
import { calendarOf } from '../reform/service.ts';
import { loadPlan, planOfYear } from '../reform/store.ts';

/**
 * The system's own figures offered as evidence for a PAR criterion (on-time rate, share of
 * procedures fully online, reform tasks done on time), for the agency and the framework's year,
 * computed by the reform targets' measures so both say the same number.
 */
export async function systemValues(
  db: Queryable,
  agencyId: string,
  year: number,
  now: Date,
): Promise<Record<ParSystemMeasure, number | null>> {
  const planId = await planOfYear(db, agencyId, year);
  const plan = (planId ? await loadPlan(db, planId) : null) ?? {
    // No plan that year: the dossier and catalogue figures stand alone; no tasks are counted.
    id: '00000000-0000-0000-0000-000000000000',
    agencyId,
    year,
    status: 'draft' as const,
    copiedFrom: null,
    version: 0,
    issuedAt: null,
    title: '',
    basis: '',
    purposes: [],
    requirements: [],
  };
  const targets = PAR_SYSTEM_MEASURES.map((measure, position) => ({
    id: `par-${measure}`,
    planId: plan.id,
    agencyId,
    position,
    title: measure,
    measure,
    comparator: 'at_least' as const,
    value: 0,
    version: 0,
  }));
  const views = await targetsWithStanding(db, plan, targets, now, await calendarOf(db, agencyId));
  const out = {} as Record<ParSystemMeasure, number | null>;
  for (const v of views) {
    const current = v.standing.current;
    out[v.measure as ParSystemMeasure] = current === null ? null : roundPoints(current);
  }
  return out;
}
