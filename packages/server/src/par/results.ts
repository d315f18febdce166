import {
  assessmentTotals,
  deductedCriteria,
  frameworkMaxima,
  parentCode,
  REFORM_AREAS,
  rankByScore,
  treeTotals,
  vietnamDateOf,
} from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { createTask } from '../reform/service.ts';
import { agencyUnits, loadPlan } from '../reform/store.ts';
import { surveyPoints } from '../surveys/measures.ts';
import { parMay, parSubject, visibleAssessment, visibleFramework } from './service.ts';
import * as store from './store.ts';
import { systemValues } from './system-values.ts';

/** What the PAR Index pages read: assessments with their totals, one in full, the ranking. */

export const frameworkSummary = (f: store.FrameworkRecord) => ({
  id: f.id,
  provinceId: f.provinceId,
  year: f.year,
  title: f.title,
  note: f.note,
  maxima: frameworkMaxima(f.criteria),
  importedAt: new Date(f.importedAt).toISOString(),
});

async function summary(db: Queryable, a: store.AssessmentRecord, f: store.FrameworkRecord) {
  const { unitId, agencyId, id, frameworkId, name, status, version } = a;
  const totals = assessmentTotals(f.criteria, await store.listScores(db, a.id));
  return { id, frameworkId, agencyId, unitId, name, status, version, totals };
}

/** The framework's assessments the user may read (drafts only for those who read drafts). */
export async function assessmentList(db: Queryable, session: Session, frameworkId: string, now: Date) {
  const framework = await visibleFramework(db, session, frameworkId);
  const items = [];
  for (const a of await store.listAssessments(db, frameworkId, null)) {
    const subject = await parSubject(db, a.agencyId, a.unitId);
    const action = a.status === 'draft' ? 'assessment.read_draft' : 'assessment.read';
    if (parMay(session, action, subject)) items.push(await summary(db, a, framework));
  }
  const agencies = [
    ...new Set(session.roles.filter((g) => g.role === 'reform_officer').map((g) => g.agencyId)),
  ];
  const agencyId = agencies.find((x) => x !== null) ?? null;
  const units = agencyId
    ? (await agencyUnits(db, agencyId, vietnamDateOf(now))).map((u) => ({ id: u.id, name: u.name }))
    : [];
  return { items, openAgencyId: agencyId, units };
}

export async function assessmentDetail(db: Queryable, session: Session, id: string, now: Date) {
  const { assessment, subject, framework } = await visibleAssessment(db, session, id);
  const scores = await store.listScores(db, id);
  const evidence = await store.listEvidence(db, id);
  const remedies = new Map((await store.listRemediation(db, id)).map((r) => [r.code, r.taskId]));
  const values =
    assessment.systemValues ?? (await systemValues(db, assessment.agencyId, framework.year, now));
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const leaves = framework.criteria.filter(
    (c) => !framework.criteria.some((x) => parentCode(x.code) === c.code),
  );
  const draft = assessment.status === 'draft';
  // The survey criteria's suggestion from the agency's own SIPAS answers of the year, so far.
  const today = vietnamDateOf(now);
  const from = `${framework.year}-01-01`;
  const yearEnd = `${framework.year}-12-31`;
  const to = today < yearEnd ? today : yearEnd;
  const suggestion = async (maxPoints: number) =>
    from > to
      ? null
      : { ...(await surveyPoints(db, { agencyId: assessment.agencyId, from, to, maxPoints })), from, to };
  const suggestions = new Map<string, Awaited<ReturnType<typeof suggestion>>>();
  for (const c of leaves) if (c.survey) suggestions.set(c.code, await suggestion(c.maxPoints));
  return {
    assessment: await summary(db, assessment, framework),
    framework: { ...frameworkSummary(framework), criteria: framework.criteria },
    scores: leaves.map((c) => {
      const s = byCode.get(c.code);
      return {
        code: c.code,
        selfPoints: s?.selfPoints ?? null,
        selfNote: s?.selfNote ?? '',
        appraisedPoints: s?.appraisedPoints ?? null,
        appraisalComment: s?.appraisalComment ?? '',
        surveySource: s?.surveySource ?? '',
        evidence: evidence
          .filter((e) => e.code === c.code)
          .map((e) => ({ id: e.id, filename: e.filename, addedAt: new Date(e.addedAt).toISOString() })),
        systemValue: c.systemMeasure ? (values[c.systemMeasure] ?? null) : null,
        remediationTaskId: remedies.get(c.code) ?? null,
        surveySuggestion: suggestions.get(c.code) ?? null,
      };
    }),
    nodes: treeTotals(framework.criteria, scores),
    can: {
      score: draft && parMay(session, 'assessment.score', subject),
      appraise: assessment.status === 'submitted' && parMay(session, 'assessment.appraise', subject),
      remediate:
        assessment.status === 'appraised' &&
        !assessment.remediationPlanId &&
        parMay(session, 'remediation.plan', subject),
    },
    remediationPlanId: assessment.remediationPlanId,
  };
}

/**
 * The year's ranking by final score: the agencies of the province (each assessed by the province's
 * appraiser), and the units of the agencies the user may see (the agency's internal ranking).
 */
export async function ranking(db: Queryable, session: Session, frameworkId: string) {
  const framework = await visibleFramework(db, session, frameworkId);
  const appraised = (await store.listAssessments(db, frameworkId, null)).filter(
    (a) => a.status === 'appraised',
  );
  const line = async (a: store.AssessmentRecord) => ({
    assessmentId: a.id,
    unitId: a.unitId,
    name: a.name,
    final: a.finalTotal ?? 0,
    self: assessmentTotals(framework.criteria, await store.listScores(db, a.id)).self,
  });
  // The agencies' standing in the province is shared among those taking part in it.
  const agencies = [];
  for (const a of appraised.filter((x) => !x.unitId)) agencies.push(await line(a));
  const units = [];
  for (const a of appraised.filter((x) => x.unitId))
    if (parMay(session, 'ranking.read', await parSubject(db, a.agencyId, null))) units.push(await line(a));
  return { agencies: rankByScore(agencies), units: rankByScore(units) };
}

/**
 * "Lập kế hoạch khắc phục": each criterion that lost points becomes a reform task in the chosen
 * plan, owned by the assessed unit, else the unit the criteria name for it, else the one chosen,
 * with the deadline on the agency's calendar (the task flow does the rest: reports, reminders).
 */
export async function planRemediation(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  input: { planId: string; deadline: string; unitId: string },
) {
  const { assessment, subject, framework } = await visibleAssessment(tx, session, id, true);
  if (!parMay(session, 'remediation.plan', subject)) throw new Problem(403, 'forbidden');
  if (assessment.status !== 'appraised') throw new Problem(409, 'par_not_appraised');
  if (assessment.remediationPlanId) throw new Problem(409, 'par_remediation_exists');
  const plan = await loadPlan(tx, input.planId);
  if (plan && plan.agencyId !== assessment.agencyId) throw new Problem(422, 'par_plan_other_agency');
  const scores = await store.listScores(tx, id);
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const codes = await tx.query<{ id: string; code: string }>(
    'SELECT id, code FROM org_unit WHERE agency_id = $1 AND code IS NOT NULL',
    [assessment.agencyId],
  );
  const unitByCode = new Map(codes.map((u) => [u.code, u.id]));
  const tasks = [];
  for (const { criterion, final, lost } of deductedCriteria(framework.criteria, scores)) {
    const unitId =
      assessment.unitId ?? (criterion.owner ? unitByCode.get(criterion.owner) : undefined) ?? input.unitId;
    const areaIndex = Number(criterion.code.split('.')[0]) - 1;
    const comment = byCode.get(criterion.code)?.appraisalComment;
    const taskId = await createTask(ctx, tx, session, input.planId, {
      area: REFORM_AREAS[areaIndex] ?? 'direction',
      title:
        `Khắc phục tiêu chí ${criterion.code} Chỉ số CCHC năm ${framework.year}: ${criterion.name}`.slice(
          0,
          500,
        ),
      description: [
        `Bị trừ ${String(lost).replace('.', ',')} điểm (đạt ${String(final).replace('.', ',')}/${String(criterion.maxPoints).replace('.', ',')}).`,
        comment ? `Nhận xét thẩm định: ${comment}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      unitId,
      assigneeId: null,
      deadline: input.deadline,
      source: 'plan',
      sourceNumber: null,
      sourceDate: null,
    });
    await store.insertRemediation(tx, {
      assessmentId: id,
      agencyId: assessment.agencyId,
      code: criterion.code,
      taskId,
    });
    tasks.push({ code: criterion.code, taskId, unitId });
  }
  await store.setAssessmentState(tx, id, {
    remediationPlanId: input.planId,
    by: session.user.id,
    now: ctx.now(),
  });
  return { planId: input.planId, tasks };
}
