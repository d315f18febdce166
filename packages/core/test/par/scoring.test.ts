import { describe, expect, it } from 'vitest';
import {
  assessmentTotals,
  checkCriteriaTree,
  deductedCriteria,
  frameworkMaxima,
  type ParCriterion,
  parCriterionInput,
  pointsProblem,
  rankByScore,
  scoredCriteria,
  sortCriteria,
  surveyMissing,
  unscoredForSubmission,
} from '../../src/index.ts';

const c = (code: string, maxPoints: number, extra: Partial<ParCriterion> = {}): ParCriterion =>
  parCriterionInput.parse({ code, name: `Tiêu chí ${code}`, maxPoints, ...extra });

const tree = [
  c('1', 5),
  c('1.1', 2),
  c('1.2', 3),
  c('1.2.1', 1.5),
  c('1.2.2', 1.5),
  c('2', 4, { survey: true }),
  c('2.1', 4, { survey: true }),
];

describe('the PAR Index criteria tree', () => {
  it('accepts a tree whose parents are worth the sum of their children', () => {
    expect(checkCriteriaTree(tree)).toEqual([]);
    expect(scoredCriteria(tree).map((x) => x.code)).toEqual(['1.1', '1.2.1', '1.2.2', '2.1']);
    expect(frameworkMaxima(tree)).toEqual({ total: 9, self: 5, survey: 4 });
  });

  it('names the parent whose children do not add up, a missing parent and a repeated code', () => {
    const issues = checkCriteriaTree([c('1', 5), c('1.1', 2), c('1.2', 2.5), c('1.1', 1), c('3.1', 1)]);
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [0, 'maxPoints'],
    ]);
    expect(issues[2]!.message.vi).toBe('Điểm tối đa của 1 là 5 nhưng các tiêu chí con cộng lại 5,5');
  });

  it('refuses a system figure on a parent and a survey parent with self-scored children', () => {
    const issues = checkCriteriaTree([
      c('1', 2, { systemMeasure: 'on_time_rate', survey: true }),
      c('1.1', 2),
    ]);
    expect(issues.map((i) => i.field)).toEqual(['systemMeasure', 'survey']);
  });

  it('sorts codes as the tree reads', () => {
    expect(sortCriteria([c('10', 1), c('2.10', 1), c('2', 1), c('2.9', 1)]).map((x) => x.code)).toEqual([
      '2',
      '2.9',
      '2.10',
      '10',
    ]);
  });
});

describe('scoring an assessment', () => {
  it('refuses points above the maximum, negative or with more than two decimals', () => {
    const leaf = tree[1]!;
    expect(pointsProblem(leaf, 2)).toBeNull();
    expect(pointsProblem(leaf, 2.25)?.vi).toBe('Điểm tối đa của tiêu chí 1.1 là 2');
    expect(pointsProblem(leaf, -1)).not.toBeNull();
    expect(pointsProblem(leaf, 0.125)).not.toBeNull();
  });

  it('adds self, appraised and survey points; unchanged points stand as self-scored', () => {
    const scores = [
      { code: '1.1', selfPoints: 2, appraisedPoints: 1.5 },
      { code: '1.2.1', selfPoints: 1.5, appraisedPoints: null },
      { code: '1.2.2', selfPoints: 1, appraisedPoints: null },
      { code: '2.1', selfPoints: null, appraisedPoints: 3.25 },
    ];
    expect(assessmentTotals(tree, scores)).toEqual({ self: 4.5, survey: 3.25, final: 7.25, max: 9 });
    expect(deductedCriteria(tree, scores).map((d) => [d.criterion.code, d.lost])).toEqual([
      ['1.1', 0.5],
      ['1.2.2', 0.5],
      ['2.1', 0.75],
    ]);
    expect(unscoredForSubmission(tree, scores.slice(0, 2))).toEqual(['1.2.2']);
    expect(surveyMissing(tree, scores.slice(0, 3))).toEqual(['2.1']);
  });

  it('ranks by final score with equal scores sharing a rank', () => {
    const ranked = rankByScore([
      { name: 'B', final: 60 },
      { name: 'A', final: 70 },
      { name: 'C', final: 60 },
      { name: 'D', final: 50 },
    ]);
    expect(ranked.map((r) => `${r.name}${r.rank}`)).toEqual(['A1', 'B2', 'C2', 'D4']);
  });
});
