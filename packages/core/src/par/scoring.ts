import type { Localised } from '../i18n/locale.ts';
import { type ParCriterion, parentCode, roundPoints, scoredCriteria } from './criteria.ts';

/**
 * Scoring a PAR Index assessment (chấm điểm Chỉ số CCHC): the unit's own points per scored
 * criterion, the appraiser's adjusted points (unchanged points stand as self-scored), survey points
 * entered at appraisal, the final score, the ranking and the criteria that lost points.
 */

export const PAR_STATUSES = ['draft', 'submitted', 'appraised'] as const;
export type ParStatus = (typeof PAR_STATUSES)[number];

export interface ParScore {
  code: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
}

/** Why points cannot be given to a criterion, or null when they can. */
export function pointsProblem(criterion: ParCriterion, points: number): Localised | null {
  const max = String(criterion.maxPoints).replace('.', ',');
  if (!Number.isFinite(points) || points < 0)
    return { vi: 'Điểm phải là số không âm', en: 'Points must be a number of zero or more' };
  if (roundPoints(points) !== points)
    return { vi: 'Điểm lấy tối đa hai chữ số thập phân', en: 'Points take at most two decimals' };
  if (points > criterion.maxPoints)
    return {
      vi: `Điểm tối đa của tiêu chí ${criterion.code} là ${max}`,
      en: `Criterion ${criterion.code} is worth at most ${max} points`,
    };
  return null;
}

/** The points that count for a criterion: the appraised ones once given, else the self-scored. */
export const finalPoints = (s: ParScore | undefined): number | null =>
  s ? (s.appraisedPoints ?? s.selfPoints) : null;

export interface NodeTotals {
  code: string;
  max: number;
  self: number;
  final: number;
}

/** Self and final points of every node of the tree, parents summing their leaves. */
export function treeTotals(list: readonly ParCriterion[], scores: readonly ParScore[]): NodeTotals[] {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const totals = new Map(list.map((c) => [c.code, { code: c.code, max: c.maxPoints, self: 0, final: 0 }]));
  for (const leaf of scoredCriteria(list)) {
    const s = byCode.get(leaf.code);
    const self = leaf.survey ? 0 : (s?.selfPoints ?? 0);
    const final = finalPoints(s) ?? 0;
    for (let code: string | null = leaf.code; code; code = parentCode(code)) {
      const t = totals.get(code);
      if (!t) break;
      t.self = roundPoints(t.self + self);
      t.final = roundPoints(t.final + final);
    }
  }
  return list.map((c) => totals.get(c.code)!);
}

/** The whole assessment's totals: self-scored, survey, final out of the maximum. */
export function assessmentTotals(list: readonly ParCriterion[], scores: readonly ParScore[]) {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  let self = 0;
  let survey = 0;
  let final = 0;
  let max = 0;
  for (const leaf of scoredCriteria(list)) {
    const s = byCode.get(leaf.code);
    max += leaf.maxPoints;
    if (leaf.survey) survey += s?.appraisedPoints ?? 0;
    else self += s?.selfPoints ?? 0;
    final += finalPoints(s) ?? 0;
  }
  return {
    self: roundPoints(self),
    survey: roundPoints(survey),
    final: roundPoints(final),
    max: roundPoints(max),
  };
}

/** Scored criteria still without self points (survey ones excepted): submission needs none. */
export function unscoredForSubmission(list: readonly ParCriterion[], scores: readonly ParScore[]): string[] {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  return scoredCriteria(list)
    .filter((c) => !c.survey && byCode.get(c.code)?.selfPoints == null)
    .map((c) => c.code);
}

/** Survey criteria still without points: the appraisal cannot be finished before they are in. */
export function surveyMissing(list: readonly ParCriterion[], scores: readonly ParScore[]): string[] {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  return scoredCriteria(list)
    .filter((c) => c.survey && byCode.get(c.code)?.appraisedPoints == null)
    .map((c) => c.code);
}

/** Scored criteria whose final points are below their maximum ("các tiêu chí bị trừ điểm"). */
export function deductedCriteria(list: readonly ParCriterion[], scores: readonly ParScore[]) {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  return scoredCriteria(list)
    .map((c) => ({ criterion: c, final: finalPoints(byCode.get(c.code)) ?? 0 }))
    .filter((x) => x.final < x.criterion.maxPoints)
    .map((x) => ({ ...x, lost: roundPoints(x.criterion.maxPoints - x.final) }));
}

/** Ranks by final score, highest first; equal scores share a rank (1, 2, 2, 4). */
export function rankByScore<T extends { final: number; name: string }>(items: readonly T[]) {
  const sorted = [...items].sort((a, b) => b.final - a.final || a.name.localeCompare(b.name, 'vi'));
  return sorted.map((item) => ({ ...item, rank: sorted.findIndex((x) => x.final === item.final) + 1 }));
}
