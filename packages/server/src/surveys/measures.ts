import { elementResults, type MonthTally, overallIndex, surveyPointsFor } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import * as store from './store.ts';

/** The year's survey figures by month, for the reform targets bound to `surveys_done` and `satisfaction_index`. */
export async function surveyMonths(
  db: Queryable,
  agencyId: string,
  year: number,
): Promise<{ tallies: MonthTally[]; responses: { month: number; n: number }[] }> {
  const period = { agencyId, unitId: null, from: `${year}-01-01`, to: `${year}-12-31` };
  const tallies = await store.scoreTallies(db, period);
  const counts = await store.responseCounts(db, period);
  const byMonth = new Map<number, number>();
  for (const c of counts) byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.n);
  return { tallies, responses: [...byMonth].map(([month, n]) => ({ month, n })) };
}

/**
 * The PAR Index's survey points (điểm điều tra xã hội học) for an agency and period: the overall
 * satisfaction index of the period's answers as a share of `maxPoints`. For the PAR Index helper.
 */
export async function surveyPoints(
  db: Queryable,
  q: { agencyId: string; from: string; to: string; maxPoints: number },
): Promise<{ index: number | null; points: number; answers: number }> {
  const results = elementResults(
    await store.scoreTallies(db, { agencyId: q.agencyId, unitId: null, from: q.from, to: q.to }),
  );
  const index = overallIndex(results);
  const counts = await store.responseCounts(db, {
    agencyId: q.agencyId,
    unitId: null,
    from: q.from,
    to: q.to,
  });
  return { index, points: surveyPointsFor(index, q.maxPoints), answers: counts.reduce((s, c) => s + c.n, 0) };
}
