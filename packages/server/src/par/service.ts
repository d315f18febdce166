import { randomUUID } from 'node:crypto';
import type { Locale } from '@motcua/core';
import {
  assessmentTotals,
  type ParAction,
  type ParCriterion,
  type ParSubject,
  parAllowed,
  pointsProblem,
  scoredCriteria,
  surveyMissing,
  unscoredForSubmission,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { acceptUpload } from '../files/store.ts';
import { Problem } from '../http/problem.ts';
import { reformSubject } from '../reform/access.ts';
import { checkVersion } from '../reform/service.ts';
import { readCriteriaFile } from './criteria-import.ts';
import * as store from './store.ts';
import { systemValues } from './system-values.ts';

/** The PAR Index's use cases: each runs in the caller's transaction, checks access, then writes. */

export async function parSubject(
  db: Queryable,
  agencyId: string,
  unitId: string | null,
): Promise<ParSubject> {
  const subject = await reformSubject(db, agencyId, unitId ?? undefined);
  return { ...subject, level: unitId ? 'unit' : 'agency' };
}

export const parMay = (session: Session, action: ParAction, subject: ParSubject) =>
  parAllowed(action, session.roles, subject);

function demandPar(session: Session, action: ParAction, subject: ParSubject) {
  if (!parMay(session, action, subject)) throw new Problem(403, 'forbidden');
}

/** The provinces whose criteria the user may read: those above every grant held. */
export async function userProvinces(db: Queryable, session: Session): Promise<string[]> {
  const ids = new Set<string>();
  for (const g of session.roles) {
    if (!['reform_officer', 'leader', 'head_of_unit', 'appraiser'].includes(g.role)) continue;
    const p = await store.provinceOf(db, g.unitId);
    if (p) ids.add(p);
  }
  return [...ids];
}

export async function importFramework(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  input: { agencyId: string; year: number; title: string | null; bytes: Buffer; locale: Locale },
) {
  demandPar(session, 'framework.import', await parSubject(tx, input.agencyId, null));
  const provinceId = await store.provinceOf(tx, input.agencyId);
  if (!provinceId) throw new Problem(422, 'par_no_province');
  const read = await readCriteriaFile(input.bytes);
  if (!read.ok)
    throw new Problem(
      422,
      'import_invalid',
      { count: read.errors.length },
      read.errors.map((e) => ({ ...e, message: e.message[input.locale] })),
    );
  const existing = await store.frameworkOf(tx, provinceId, input.year);
  if (existing && (await store.frameworkInUse(tx, existing.id)))
    throw new Problem(409, 'par_framework_in_use', { year: input.year });
  const id = existing?.id ?? randomUUID();
  const max = scoredCriteria(read.criteria).reduce((s, c) => s + c.maxPoints, 0);
  await store.saveFramework(tx, {
    id,
    provinceId,
    year: input.year,
    title: input.title || read.title || `Bộ tiêu chí Chỉ số cải cách hành chính năm ${input.year}`,
    note: read.note,
    criteria: read.criteria,
    max,
    by: session.user.id,
    now: ctx.now(),
  });
  return { id, criteria: read.criteria.length };
}

export async function visibleFramework(db: Queryable, session: Session, id: string) {
  const framework = await store.loadFramework(db, id);
  if (!framework || !(await userProvinces(db, session)).includes(framework.provinceId))
    throw new Problem(404, 'par_framework_not_found');
  return framework;
}

/** An assessment the user may read (a draft only for those who read drafts), or 404. */
export async function visibleAssessment(db: Queryable, session: Session, id: string, lock = false) {
  const assessment = await store.loadAssessment(db, id, lock);
  if (!assessment) throw new Problem(404, 'par_assessment_not_found');
  const subject = await parSubject(db, assessment.agencyId, assessment.unitId);
  const action = assessment.status === 'draft' ? 'assessment.read_draft' : 'assessment.read';
  if (!parMay(session, action, subject)) throw new Problem(404, 'par_assessment_not_found');
  const framework = (await store.loadFramework(db, assessment.frameworkId))!;
  return { assessment, subject, framework };
}

export async function openAssessment(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  input: { frameworkId: string; agencyId: string; unitId: string | null },
) {
  const subject = await parSubject(tx, input.agencyId, null);
  demandPar(session, 'assessment.open', subject);
  const framework = await visibleFramework(tx, session, input.frameworkId);
  if ((await store.provinceOf(tx, input.agencyId)) !== framework.provinceId)
    throw new Problem(404, 'par_framework_not_found');
  if (input.unitId && (input.unitId === input.agencyId || !subject.agencyUnits.has(input.unitId)))
    throw new Problem(422, 'reform_unit_not_in_agency');
  const id = randomUUID();
  const added = await store.insertAssessment(tx, { id, ...input, now: ctx.now() });
  if (!added) throw new Problem(409, 'par_assessment_exists');
  return id;
}

function leafOf(criteria: readonly ParCriterion[], code: string): ParCriterion {
  const leaf = scoredCriteria(criteria).find((c) => c.code === code);
  if (!leaf) throw new Problem(404, 'par_criterion_not_found', { code });
  return leaf;
}

function checkPoints(criterion: ParCriterion, points: number) {
  const problem = pointsProblem(criterion, points);
  if (problem) throw new Problem(422, 'validation_failed', {}, [{ path: 'points', message: problem }]);
}

async function draftFor(db: Queryable, session: Session, id: string) {
  const found = await visibleAssessment(db, session, id, true);
  demandPar(session, 'assessment.score', found.subject);
  if (found.assessment.status !== 'draft') throw new Problem(409, 'par_locked');
  return found;
}

export async function scoreCriterion(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  code: string,
  input: { points: number; note: string },
) {
  const { assessment, framework } = await draftFor(tx, session, id);
  const leaf = leafOf(framework.criteria, code);
  if (leaf.survey) throw new Problem(409, 'par_survey_criterion', { code });
  checkPoints(leaf, input.points);
  await store.saveSelfScore(tx, {
    assessmentId: assessment.id,
    agencyId: assessment.agencyId,
    code,
    points: input.points,
    note: input.note,
    now: ctx.now(),
  });
}

export async function addEvidence(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  code: string,
  file: { data: Buffer; filename: string } | null,
) {
  const { assessment, framework } = await draftFor(tx, session, id);
  leafOf(framework.criteria, code);
  if (!file) throw new Problem(422, 'reform_evidence_required');
  const now = ctx.now();
  const accepted = await acceptUpload(ctx.files, tx, file.data, ctx.config.uploadMaxBytes, now);
  const evidenceId = randomUUID();
  await store.insertEvidence(tx, {
    id: evidenceId,
    agencyId: assessment.agencyId,
    assessmentId: assessment.id,
    code,
    sha256: accepted.sha256,
    filename: file.filename,
    by: session.user.id,
    now,
  });
  return evidenceId;
}

/** Submission locks the self-assessment and keeps the system's figures as they stand. */
export async function submitAssessment(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  version: number,
) {
  const { assessment, framework } = await draftFor(tx, session, id);
  checkVersion(assessment.version, version);
  const scores = await store.listScores(tx, id);
  const missing = unscoredForSubmission(framework.criteria, scores);
  if (missing.length > 0)
    throw new Problem(
      422,
      'par_incomplete',
      { count: missing.length },
      missing.map((code) => ({
        path: code,
        message: { vi: `Tiêu chí ${code} chưa có điểm tự chấm`, en: `Criterion ${code} has no points yet` },
      })),
    );
  const now = ctx.now();
  await store.setAssessmentState(tx, id, {
    status: 'submitted',
    systemValues: await systemValues(tx, assessment.agencyId, framework.year, now),
    selfTotal: assessmentTotals(framework.criteria, scores).self,
    by: session.user.id,
    now,
  });
}

async function appraisalFor(db: Queryable, session: Session, id: string) {
  const found = await visibleAssessment(db, session, id, true);
  demandPar(session, 'assessment.appraise', found.subject);
  if (found.assessment.status !== 'submitted') throw new Problem(409, 'par_not_submitted');
  return found;
}

/**
 * The appraiser's points and comment for a criterion: an adjusted self-scored criterion needs a
 * comment saying why; survey points need their source (the survey's publication).
 */
export async function appraiseCriterion(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  code: string,
  input: { points: number | null; comment: string; source: string },
) {
  const { assessment, framework } = await appraisalFor(tx, session, id);
  const leaf = leafOf(framework.criteria, code);
  const issues = [];
  if (leaf.survey && input.points === null)
    issues.push({
      path: 'points',
      message: { vi: 'Nhập điểm điều tra xã hội học', en: 'Enter the survey points' },
    });
  if (input.points !== null) {
    const problem = pointsProblem(leaf, input.points);
    if (problem) issues.push({ path: 'points', message: problem });
  }
  if (leaf.survey && !input.source)
    issues.push({
      path: 'source',
      message: {
        vi: 'Ghi nguồn điểm điều tra (văn bản công bố kết quả điều tra xã hội học)',
        en: 'Give the source of the survey points (the document publishing the survey results)',
      },
    });
  const self = (await store.listScores(tx, id)).find((s) => s.code === code)?.selfPoints ?? null;
  if (!leaf.survey && input.points !== null && input.points !== self && !input.comment)
    issues.push({
      path: 'comment',
      message: {
        vi: 'Ghi nhận xét giải thích vì sao điểm thẩm định khác điểm tự chấm',
        en: 'Say why the appraised points differ from the self-assessed points',
      },
    });
  if (issues.length > 0) throw new Problem(422, 'validation_failed', {}, issues);
  await store.saveAppraisal(tx, {
    assessmentId: assessment.id,
    agencyId: assessment.agencyId,
    code,
    points: input.points,
    comment: input.comment,
    source: leaf.survey ? input.source : '',
    now: ctx.now(),
  });
}

export async function finishAppraisal(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  version: number,
) {
  const { framework, assessment } = await appraisalFor(tx, session, id);
  checkVersion(assessment.version, version);
  const scores = await store.listScores(tx, id);
  const missing = surveyMissing(framework.criteria, scores);
  if (missing.length > 0)
    throw new Problem(
      422,
      'par_survey_missing',
      { count: missing.length },
      missing.map((code) => ({
        path: code,
        message: {
          vi: `Tiêu chí ${code} chưa có điểm điều tra`,
          en: `Criterion ${code} has no survey points`,
        },
      })),
    );
  await store.setAssessmentState(tx, id, {
    status: 'appraised',
    finalTotal: assessmentTotals(framework.criteria, scores).final,
    by: session.user.id,
    now: ctx.now(),
  });
}
