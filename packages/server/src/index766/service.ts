import {
  INDEX766_INDICATORS,
  type Index766Period,
  type Index766Response,
  type Index766TargetsResponse,
  importedFigures,
  index766Explanation,
  index766Measurements,
  index766PeriodRange,
  index766Result,
  index766Settings,
  vietnamDateOf,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';
import { feedbackFigures } from '../feedback/service.ts';
import { paymentFigures } from '../fees/service.ts';
import { Problem } from '../http/problem.ts';
import { descendantIds } from '../org/tree.ts';
import { negativeDossierCount } from '../ratings/store.ts';
import { catalogueVersions } from '../reform/store.ts';
import { electronicResultCounts } from '../signing/store.ts';
import { report06 } from '../statistics/routes.ts';
import { importedDossiersOfPeriod, listIndex766Overrides } from './store.ts';

export interface Index766Query {
  agency?: string | undefined;
  unit?: string | undefined;
  period: Index766Period;
  year: number;
  index: number;
}

/** "tháng 3/2026", "quý 1/2026", "năm 2026" in both languages. */
function periodName(q: Index766Query) {
  if (q.period === 'year') return { vi: `năm ${q.year}`, en: String(q.year) };
  if (q.period === 'quarter') return { vi: `quý ${q.index}/${q.year}`, en: `Q${q.index} ${q.year}` };
  return { vi: `tháng ${q.index}/${q.year}`, en: `${q.year}-${String(q.index).padStart(2, '0')}` };
}

/**
 * The Decision 766 index of an agency (or one of its units) for a month, quarter or year. Who may
 * read it, and the figures of 2.1, 3.3 and 5.4's late rate, are Biểu số 06's for the same period (one source:
 * the same counters through the same use case); the catalogue gives 3.1 and 1.3; the feedback cases and ratings give 5.2, 5.3 and the rest of 5.4. A period still
 * running is counted to today, since the counters hold dossiers' future overdue days ahead.
 */
export async function index766Report(
  db: Queryable,
  session: Session,
  q: Index766Query,
  now: Date,
): Promise<Index766Response> {
  const range = index766PeriodRange(q.period, q.year, q.index);
  const today = vietnamDateOf(now);
  // A period not yet begun has nothing to count: say so, rather than call its dates reversed.
  if (range.from > today)
    throw new Problem(400, 'report_period_not_started', {
      period: periodName(q),
      from: range.from.split('-').reverse().join('/'),
    });
  const to = range.to > today ? today : range.to;
  const form06 = await report06(
    db,
    session,
    { from: range.from, to, agency: q.agency, unit: q.unit, format: 'json' },
    'vi',
  );
  const settings = index766Settings(
    await listIndex766Overrides(db, null, q.year),
    await listIndex766Overrides(db, form06.agency.id, q.year),
  );
  // 5.2-5.4 from the feedback cases and ratings of the same agency (or unit and those below it).
  const scope = {
    agencyId: form06.agency.id,
    unitIds: form06.unit ? [...(await descendantIds(db, [form06.unit.id]))] : null,
    from: range.from,
    to,
  };
  const satisfaction = {
    feedback: await feedbackFigures(db, scope, now),
    negativeDossiers: await negativeDossierCount(db, scope),
  };
  const measured = index766Measurements(
    form06.totals,
    await catalogueVersions(db, form06.agency.id),
    to,
    satisfaction,
    // 4.1 and 4.2 from the signed results and the digitised copies of the same scope, leaving out
    // the imported dossiers, whose documents and results the system does not hold.
    {
      ...(await electronicResultCounts(db, scope)),
      imported: importedFigures(
        await importedDossiersOfPeriod(db, scope),
        range.from,
        to,
        (await loadCalendar(db, form06.agency.id)).policy,
      ),
    },
    await paymentFigures(db, form06.agency.id, range.from, to),
  );
  const result = index766Result(measured, settings);
  return {
    agency: form06.agency,
    unit: form06.unit,
    period: q.period,
    year: q.year,
    index: q.period === 'year' ? 1 : q.index,
    from: range.from,
    to,
    indicators: result.indicators.map((s) => ({ ...s, explanation: index766Explanation(s.code, s.formula) })),
    groups: result.groups,
    total: result.total,
  };
}

/** What applies to an agency (or nationally) in a year, with the overrides set at that level. */
export async function index766Targets(
  db: Queryable,
  agencyId: string | null,
  year: number,
): Promise<Index766TargetsResponse> {
  const national = await listIndex766Overrides(db, null, year);
  const own = agencyId ? await listIndex766Overrides(db, agencyId, year) : national;
  const settings = agencyId ? index766Settings(national, own) : index766Settings(national);
  return {
    agencyId,
    year,
    indicators: INDEX766_INDICATORS.map((i) => {
      const s = settings.find((x) => x.code === i.code)!;
      const o = own.find((x) => x.code === i.code);
      return {
        code: i.code,
        name: { vi: i.vi, en: i.en },
        defaultTarget: i.target,
        defaultPoints: i.points,
        target: s.target,
        points: s.points,
        override: o ? { target: o.target, points: o.points } : null,
      };
    }),
  };
}
