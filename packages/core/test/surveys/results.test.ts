import { describe, expect, it } from 'vitest';
import {
  answerIssues,
  DEFAULT_QUESTIONNAIRE,
  elementResults,
  elementsWithoutScale,
  overallIndex,
  overallMean,
  questionnaireContentSchema,
  sampleSize,
  satisfactionIndexSeries,
  surveyPointsFor,
  surveysDoneSeries,
  tally,
} from '../../src/index.ts';

describe('the sample size n = N / (1 + N·e²), e = 5%', () => {
  it('gives the worked examples, rounded up', () => {
    expect(sampleSize(3000)).toBe(353); // 3000 / 8.5 = 352.9
    expect(sampleSize(100)).toBe(80); // 100 / 1.25
    expect(sampleSize(400)).toBe(200); // 400 / 2
    expect(sampleSize(1)).toBe(1);
    expect(sampleSize(0)).toBe(0);
    expect(sampleSize(1_000_000)).toBe(400); // tends to 1 / e²
  });
});

describe('the satisfaction index', () => {
  const scores = [
    // access: 4, 5, 2 → 2 of 3 satisfied, mean 3.67
    { element: 'access', score: 4 },
    { element: 'access', score: 5 },
    { element: 'access', score: 2 },
    // officials: 3, 3 → none satisfied, mean 3
    { element: 'officials', score: 3 },
    { element: 'officials', score: 3 },
    // result: 5 → all satisfied
    { element: 'result', score: 5 },
  ] as const;

  it('is the share of satisfied-or-better answers per element, with the mean score', () => {
    const r = elementResults(tally(scores));
    expect(r.find((x) => x.element === 'access')).toEqual({
      element: 'access',
      answers: 3,
      satisfied: 2,
      index: 66.7,
      mean: 3.67,
    });
    expect(r.find((x) => x.element === 'officials')).toMatchObject({ index: 0, mean: 3 });
    expect(r.find((x) => x.element === 'procedure')).toMatchObject({ answers: 0, index: null, mean: null });
  });

  it('is overall the average of the element indices that have answers, each weighing the same', () => {
    const r = elementResults(tally(scores));
    expect(overallIndex(r)).toBe(55.6); // (66.7 + 0 + 100) / 3
    expect(overallMean(r)).toBe(3.89); // (3.67 + 3 + 5) / 3
    expect(overallIndex(elementResults([]))).toBeNull();
  });

  it('turns into the PAR Index survey points as a share of the maximum', () => {
    expect(surveyPointsFor(80, 10)).toBe(8);
    expect(surveyPointsFor(55.6, 4.5)).toBe(2.5);
    expect(surveyPointsFor(null, 10)).toBe(0);
  });

  it('feeds the targets cumulative by month', () => {
    const tallies = [
      { month: 1, element: 'access' as const, answers: 2, satisfied: 1, scoreSum: 7 },
      { month: 2, element: 'access' as const, answers: 2, satisfied: 2, scoreSum: 9 },
    ];
    const s = satisfactionIndexSeries(tallies, 2027, '2027-03-10');
    expect(s.map((p) => p.value)).toEqual([50, 75, 75]);
    const done = surveysDoneSeries(
      [
        { month: 1, metric: 'returned', n: 100 },
        { month: 2, metric: 'returned', n: 300 },
        { month: 2, metric: 'received', n: 999 },
      ],
      [
        { month: 1, n: 40 },
        { month: 2, n: 300 },
      ],
      2027,
      '2027-02-05',
    );
    // January: 40 of the 80 needed for 100 returned; February: 340 of 200 → capped at 100.
    expect(done.map((p) => [p.value, p.numerator, p.denominator])).toEqual([
      [50, 40, 80],
      [100, 340, 200],
    ]);
  });
});

describe('questionnaires and answers', () => {
  it('ships a default questionnaire with a scored question on each of the five elements', () => {
    expect(questionnaireContentSchema.safeParse(DEFAULT_QUESTIONNAIRE).success).toBe(true);
    expect(elementsWithoutScale(DEFAULT_QUESTIONNAIRE)).toEqual([]);
    const noFeedback = {
      ...DEFAULT_QUESTIONNAIRE,
      questions: DEFAULT_QUESTIONNAIRE.questions.filter((q) => q.element !== 'feedback'),
    };
    expect(elementsWithoutScale(noFeedback)).toEqual(['feedback']);
  });

  it('refuses duplicate ids and choice questions without choices', () => {
    const bad = questionnaireContentSchema.safeParse({
      title: 'Phiếu thử',
      questions: [
        { id: 'a', element: 'access', kind: 'scale', text: 'Câu một' },
        { id: 'a', element: 'result', kind: 'choice', text: 'Câu hai', choices: ['Có'] },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toContain('questions.1.id:question_id_duplicate');
    expect(messages).toContain('questions.1.choices:choices_required');
  });

  it('names every unanswered or out-of-range answer', () => {
    const answers: Record<string, number> = {};
    for (const q of DEFAULT_QUESTIONNAIRE.questions) answers[q.id] = q.kind === 'scale' ? 5 : 0;
    expect(answerIssues(DEFAULT_QUESTIONNAIRE, answers)).toEqual([]);
    const { 'ket-qua-dung-han': _gone, ...missing } = answers;
    expect(
      answerIssues(DEFAULT_QUESTIONNAIRE, { ...missing, 'thu-tuc-phi': 6, 'kenh-nop': 3, x: 1 }),
    ).toEqual([
      { path: 'answers.x', code: 'answer_unknown_question' },
      { path: 'answers.kenh-nop', code: 'answer_out_of_range' },
      { path: 'answers.thu-tuc-phi', code: 'answer_out_of_range' },
      { path: 'answers.ket-qua-dung-han', code: 'answer_required' },
    ]);
  });
});
