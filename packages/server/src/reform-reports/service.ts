import { randomUUID } from 'node:crypto';
import {
  applyRefresh,
  canonicalJson,
  carryDrafted,
  type DraftInput,
  draftReport,
  type Form06Numbers,
  form06Report,
  type PlaceFigures,
  periodSpan,
  type ReportAction,
  type ReportContent,
  type ReportPeriod,
  redraftParts,
  refreshChanges,
  reportAllowed,
  vietnamDateOf,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { reformSubject } from '../reform/access.ts';
import { staleVersion } from '../reform/service.ts';
import { loadPlan, planOfYear } from '../reform/store.ts';
import { counterSums, fieldNames } from '../statistics/store.ts';
import * as store from './store.ts';

/**
 * The periodic reform reports' use cases: drafting from the data, saving, refreshing the figures,
 * restoring an old version. Each runs in the caller's transaction and checks access first; each
 * change appends a version (nothing is overwritten).
 */

const may = async (db: Queryable, session: Session, action: ReportAction, agencyId: string) =>
  reportAllowed(action, session.roles, await reformSubject(db, agencyId));

/** A report the user may read, or 404 (its existence is not disclosed); 403 for an action beyond reading. */
export async function reportFor(
  db: Queryable,
  session: Session,
  id: string,
  action: ReportAction = 'report.read',
  lock = false,
) {
  const report = await store.loadReport(db, id, lock);
  if (!report || !(await may(db, session, 'report.read', report.agencyId)))
    throw new Problem(404, 'reform_report_not_found');
  if (action !== 'report.read' && !(await may(db, session, action, report.agencyId)))
    throw new Problem(403, 'forbidden');
  return report;
}

export const canDo = may;

/** "Ủy ban nhân dân tỉnh Sóc Trăng" → "Sóc Trăng": the place line names the province. */
function placeOf(province: string | null): string {
  if (!province) return '';
  return province
    .replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '')
    .replace(/^(tỉnh|thành phố)\s+/i, '');
}

/**
 * Biểu 06 per receiving unit (nơi tiếp nhận), from the statistics' own counters and core's
 * form06Report: the same figures the Biểu 06 report shows for each unit, never a recount.
 */
async function figuresByPlace(db: Queryable, agencyId: string, from: string, to: string) {
  const names = await fieldNames(db, 'vi');
  const places: PlaceFigures[] = [];
  for (const unit of await store.receivingUnits(db, agencyId, to)) {
    const sums = await counterSums(db, { agencyId, unitIds: [unit.id], fieldCode: null, from, to });
    const totals: Form06Numbers = form06Report(sums, names).totals;
    if (Object.values(totals).some((x) => x !== 0)) places.push({ place: unit.name, ...totals });
  }
  return places;
}

/** What the system drafts for the agency's period now. */
async function draftInput(
  db: Queryable,
  agencyId: string,
  year: number,
  period: ReportPeriod,
  now: Date,
): Promise<DraftInput> {
  const span = periodSpan(period, year, vietnamDateOf(now));
  if (!span) throw fieldProblem(fieldIssue('period', 'period_not_started'));
  const agency = await store.agencyHeader(db, agencyId);
  if (agency?.kind !== 'agency') throw new Problem(404, 'report_agency_not_found');
  const planId = await planOfYear(db, agencyId, year);
  const plan = planId ? await loadPlan(db, planId) : null;
  const tasks = planId ? await store.tasksWithReports(db, planId, span.asOf) : [];
  return {
    period,
    year,
    span,
    agencyName: agency.name,
    place: placeOf(agency.province) || 'Việt Nam',
    plan: plan ? { title: plan.title, basis: plan.basis } : null,
    tasks: tasks.map((t) => {
      const doneOn = t.doneAt ? vietnamDateOf(t.doneAt) : null;
      const done = t.state === 'done' && doneOn !== null && doneOn <= span.asOf;
      return {
        ...t,
        doneOn: done ? doneOn : null,
        doneOnTime: done ? t.doneOnTime : null,
        reports: t.reports.map((r) => ({ progress: r.progress, note: r.note })),
      };
    }),
    places: await figuresByPlace(db, agencyId, span.from, span.asOf),
    online: await store.onlineLevels(db, agencyId, span.asOf),
    now: now.toISOString(),
  };
}

export async function createReport(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  input: { agencyId: string; year: number; period: ReportPeriod },
) {
  if (!(await may(tx, session, 'report.manage', input.agencyId))) throw new Problem(403, 'forbidden');
  const existing = await store.reportOf(tx, input.agencyId, input.year, input.period);
  if (existing) throw new Problem(409, 'reform_report_exists', {}, undefined, undefined, { id: existing });
  const now = ctx.now();
  const content = draftReport(await draftInput(tx, input.agencyId, input.year, input.period, now));
  const id = randomUUID();
  await store.insertReport(tx, { id, ...input, by: session.user.id, now });
  await store.appendVersion(
    tx,
    { id, ...input, version: 0 },
    { version: 1, kind: 'drafted', restoredFrom: null, content, by: session.user.id, now },
  );
  return { id, version: 1 };
}

async function latest(db: Queryable, report: store.ReportRecord) {
  const v = await store.loadVersion(db, report.id, report.version);
  if (!v) throw new Error(`report ${report.id} has no version ${report.version}`);
  return v;
}

/** A version to show: the latest, or the one asked for (404 when there is no such version). */
export async function shownVersion(db: Queryable, report: store.ReportRecord, version?: number) {
  if (version === undefined) return latest(db, report);
  const v = await store.loadVersion(db, report.id, version);
  if (!v) throw new Problem(404, 'reform_report_version_not_found', { version });
  return v;
}

async function append(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  report: store.ReportRecord,
  kind: 'edited' | 'refreshed' | 'restored',
  content: ReportContent,
  restoredFrom: number | null = null,
) {
  const version = report.version + 1;
  await store.appendVersion(tx, report, {
    version,
    kind,
    restoredFrom,
    content,
    by: session.user.id,
    now: ctx.now(),
  });
  return { id: report.id, version };
}

/** Saves the officer's edit over `baseVersion`; the drafted marks stay only on unchanged parts. */
export async function saveReport(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  baseVersion: number,
  content: ReportContent,
) {
  const report = await reportFor(tx, session, id, 'report.manage', true);
  if (report.version !== baseVersion) throw staleVersion(report.version, baseVersion);
  const prev = (await latest(tx, report)).content;
  const next = carryDrafted(prev, content);
  if (canonicalJson(next) === canonicalJson(prev)) return { id, version: report.version };
  return append(ctx, tx, session, report, 'edited', next);
}

/** What "refresh figures" would change now, without changing anything. */
export async function previewRefresh(ctx: AppContext, db: Queryable, session: Session, id: string) {
  const report = await reportFor(db, session, id, 'report.manage');
  const input = await draftInput(db, report.agencyId, report.year, report.period, ctx.now());
  const fresh = redraftParts(input);
  return { asOf: input.span.asOf, changes: refreshChanges((await latest(db, report)).content, fresh) };
}

export async function refreshReport(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  baseVersion: number,
) {
  const report = await reportFor(tx, session, id, 'report.manage', true);
  if (report.version !== baseVersion) throw staleVersion(report.version, baseVersion);
  const fresh = redraftParts(await draftInput(tx, report.agencyId, report.year, report.period, ctx.now()));
  return append(
    ctx,
    tx,
    session,
    report,
    'refreshed',
    applyRefresh((await latest(tx, report)).content, fresh),
  );
}

/** Restores an old version as a new one (the versions in between stay). */
export async function restoreReport(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  baseVersion: number,
  version: number,
) {
  const report = await reportFor(tx, session, id, 'report.manage', true);
  if (report.version !== baseVersion) throw staleVersion(report.version, baseVersion);
  const old = await shownVersion(tx, report, version);
  return append(ctx, tx, session, report, 'restored', old.content, old.version);
}
