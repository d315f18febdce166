import type { IsoDate } from '../calendar/civil-date.ts';
import { type CounterMonth, type MonthPoint, monthsElapsed, percentOf } from '../reform/targets.ts';
import { SATISFIED_FROM, SURVEY_ELEMENTS, type SurveyElement } from './elements.ts';

/**
 * The satisfaction index (chỉ số hài lòng) and the sample size, as the reform office reads them.
 *
 * - The index of an element is the share, in percent, of its scored answers that are satisfied or
 *   better (4 "hài lòng" or 5 "rất hài lòng" on the five-point scale); its mean is the average
 *   score (1-5). Choice questions are reported as counts and do not enter the index.
 * - The overall index is the average of the element indices, each element weighing the same
 *   (Decision 1001/QĐ-BNV averages the elements), over the elements that have answers.
 * - The sample needed for a period is n = N / (1 + N·e²) with e = 5%, rounded up, where N is the
 *   number of dossiers returned in the period (Slovin's formula, as the method prescribes).
 */

/** Scored answers of one element: how many, how many satisfied or better, the sum of scores. */
export interface ElementTally {
  element: SurveyElement;
  answers: number;
  satisfied: number;
  scoreSum: number;
}

export interface ElementResult {
  element: SurveyElement;
  answers: number;
  satisfied: number;
  /** Percent satisfied or better, one decimal; null with no answers. */
  index: number | null;
  /** Average score 1-5, two decimals; null with no answers. */
  mean: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Adds a score to the tallies (used by tests and by anything counting answers one by one). */
export function tally(scores: readonly { element: SurveyElement; score: number }[]): ElementTally[] {
  return SURVEY_ELEMENTS.map((element) => {
    const own = scores.filter((s) => s.element === element);
    return {
      element,
      answers: own.length,
      satisfied: own.filter((s) => s.score >= SATISFIED_FROM).length,
      scoreSum: own.reduce((sum, s) => sum + s.score, 0),
    };
  });
}

export function elementResults(tallies: readonly ElementTally[]): ElementResult[] {
  return SURVEY_ELEMENTS.map((element) => {
    const t = tallies.filter((x) => x.element === element);
    const answers = t.reduce((s, x) => s + x.answers, 0);
    const satisfied = t.reduce((s, x) => s + x.satisfied, 0);
    const scoreSum = t.reduce((s, x) => s + x.scoreSum, 0);
    return {
      element,
      answers,
      satisfied,
      index: percentOf(satisfied, answers),
      mean: answers > 0 ? round2(scoreSum / answers) : null,
    };
  });
}

/** The overall index: the average of the element indices that have answers; null with none. */
export function overallIndex(results: readonly ElementResult[]): number | null {
  const indices = results.map((r) => r.index).filter((x): x is number => x !== null);
  return indices.length > 0 ? round1(indices.reduce((s, x) => s + x, 0) / indices.length) : null;
}

/** The overall mean score: the average of the element means that have answers. */
export function overallMean(results: readonly ElementResult[]): number | null {
  const means = results.map((r) => r.mean).filter((x): x is number => x !== null);
  return means.length > 0 ? round2(means.reduce((s, x) => s + x, 0) / means.length) : null;
}

/** The margin of error the method uses. */
export const SAMPLE_MARGIN = 0.05;

/** n = N / (1 + N·e²), rounded up: N = 3000 needs 353 answers, N = 100 needs 80. */
export function sampleSize(returned: number, margin = SAMPLE_MARGIN): number {
  if (!(returned > 0)) return 0;
  return Math.ceil(returned / (1 + returned * margin * margin));
}

/**
 * The survey points of the PAR Index (điểm khảo sát): the overall index as a share of the
 * criterion's maximum points, two decimals; 0 with no answers.
 */
export function surveyPointsFor(index: number | null, maxPoints: number): number {
  if (index === null || !(maxPoints > 0)) return 0;
  return round2((Math.min(100, Math.max(0, index)) / 100) * maxPoints);
}

/** Tallies of one month of the year, as the server reads them per element. */
export interface MonthTally extends ElementTally {
  month: number;
}

/**
 * The satisfaction index cumulative from 1 January to each month's end, for a target bound to
 * `satisfaction_index`: the overall index of the answers so far (numerator satisfied answers,
 * denominator scored answers).
 */
export function satisfactionIndexSeries(
  tallies: readonly MonthTally[],
  year: number,
  asOf: IsoDate,
): MonthPoint[] {
  const out: MonthPoint[] = [];
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const results = elementResults(tallies.filter((t) => t.month <= month));
    out.push({
      month,
      value: overallIndex(results),
      numerator: results.reduce((s, r) => s + r.satisfied, 0),
      denominator: results.reduce((s, r) => s + r.answers, 0),
    });
  }
  return out;
}

/**
 * Surveys done, cumulative: answers collected / the sample needed for the dossiers returned so
 * far, in percent (capped at 100, since answers beyond the sample are welcome but do not make the
 * target more met), for a target bound to `surveys_done`.
 */
export function surveysDoneSeries(
  counters: readonly CounterMonth[],
  responses: readonly { month: number; n: number }[],
  year: number,
  asOf: IsoDate,
): MonthPoint[] {
  const out: MonthPoint[] = [];
  for (let month = 1; month <= monthsElapsed(year, asOf); month++) {
    const returned = counters
      .filter((c) => c.month <= month && c.metric === 'returned')
      .reduce((s, c) => s + c.n, 0);
    const collected = responses.filter((r) => r.month <= month).reduce((s, r) => s + r.n, 0);
    const needed = sampleSize(returned);
    const share = percentOf(collected, needed);
    out.push({
      month,
      value: share === null ? null : Math.min(100, share),
      numerator: collected,
      denominator: needed,
    });
  }
  return out;
}
