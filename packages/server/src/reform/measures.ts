import {
  type CalendarConfig,
  catalogueShareSeries,
  effectiveDeadline,
  MEASURE_KINDS,
  type MonthPoint,
  onTimeRateSeries,
  reportedSeries,
  satisfactionIndexSeries,
  surveysDoneSeries,
  type TargetStanding,
  targetStanding,
  tasksOnTimeSeries,
  toPoints,
  trackedShareSeries,
  unitsInspectedSeries,
  unitsPlannedShare,
  vietnamDateOf,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { surveyMonths } from '../surveys/measures.ts';
import { listInspections } from './inspections-store.ts';
import {
  agencyUnits,
  catalogueVersions,
  counterMonths,
  listTargetReports,
  listTasks,
  type PlanRecord,
  type TargetRecord,
  type TargetReport,
} from './store.ts';

export interface TargetView extends TargetRecord {
  standing: TargetStanding;
  reports: TargetReport[];
}

/**
 * Every target of the plan with its standing on `now`: the store queries give the figures, core's
 * measures turn them into shares by month, a projection and the off-track status. Each source is
 * read once, however many targets use it.
 */
export async function targetsWithStanding(
  db: Queryable,
  plan: PlanRecord,
  targets: readonly TargetRecord[],
  now: Date,
  cal: CalendarConfig,
): Promise<TargetView[]> {
  const asOf = vietnamDateOf(now);
  const year = plan.year;
  const reports = await listTargetReports(db, plan.id);
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
  const counters = () => once('counters', () => counterMonths(db, plan.agencyId, year));
  const catalogue = () => once('catalogue', () => catalogueVersions(db, plan.agencyId));
  const inspections = () => once('inspections', () => listInspections(db, plan.id));
  const units = () => once('units', () => agencyUnits(db, plan.agencyId, asOf));
  const surveys = () => once('surveys', () => surveyMonths(db, plan.agencyId, year));

  const out: TargetView[] = [];
  for (const t of targets) {
    const own = reports.filter((r) => r.targetId === t.id);
    const byMonth = new Map(own.map((r) => [r.month, r.value]));
    let trend: MonthPoint[];
    let planned: number | null = null;
    switch (t.measure) {
      case 'manual':
        trend = reportedSeries(byMonth, year, asOf);
        break;
      case 'on_time_rate':
        trend = toPoints(onTimeRateSeries(await counters(), year, asOf));
        break;
      case 'dossiers_tracked_share':
        trend = toPoints(trackedShareSeries(await counters(), byMonth, year, asOf));
        break;
      case 'online_full_share':
        trend = toPoints(catalogueShareSeries(await catalogue(), 'fullyOnline', year, asOf));
        break;
      case 'internal_process_share':
        trend = toPoints(catalogueShareSeries(await catalogue(), 'hasInternalProcess', year, asOf));
        break;
      case 'tasks_on_time': {
        const tasks = await listTasks(db, plan.id, null);
        trend = toPoints(
          tasksOnTimeSeries(
            tasks
              .filter((x) => x.state !== 'cancelled')
              .map((x) => ({
                deadline: effectiveDeadline(x.deadline, cal),
                doneOn: x.doneAt ? vietnamDateOf(x.doneAt) : null,
              })),
            year,
            asOf,
          ),
        );
        break;
      }
      case 'units_inspected': {
        const list = await inspections();
        const count = (await units()).length;
        trend = toPoints(unitsInspectedSeries(list, count, year, asOf));
        planned = unitsPlannedShare(list, count);
        break;
      }
      case 'surveys_done':
        trend = surveysDoneSeries(await counters(), (await surveys()).responses, year, asOf);
        break;
      case 'satisfaction_index':
        trend = satisfactionIndexSeries((await surveys()).tallies, year, asOf);
        break;
    }
    const standing = targetStanding(t, MEASURE_KINDS[t.measure], trend, { year, asOf, planned });
    out.push({ ...t, standing, reports: own });
  }
  return out;
}
