import { z } from 'zod';
import { SCALE_POINTS, SURVEY_ELEMENTS, type SurveyElement } from './elements.ts';

/**
 * A questionnaire (phiếu khảo sát) is data: a title, an introduction and questions, each on one of
 * the five elements, either on the five-point scale (scored, counted in the index) or with choices
 * (one of a list, reported as counts). Versions of an agency's questionnaire are numbered; a
 * published version never changes, so every answer is read against the words it was given.
 */
export const questionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, { message: 'question_id_format' }),
    element: z.enum(SURVEY_ELEMENTS),
    text: z.string().trim().min(3).max(500),
    kind: z.enum(['scale', 'choice']),
    choices: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  })
  .refine((q) => q.kind === 'scale' || q.choices.length >= 2, {
    message: 'choices_required',
    path: ['choices'],
  });
export type SurveyQuestion = z.infer<typeof questionSchema>;

export const questionnaireContentSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(300),
    intro: z.string().trim().max(2000).default(''),
    questions: z.array(questionSchema).min(1).max(60),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', message: 'question_id_duplicate', path: ['questions', i, 'id'] });
      seen.add(q.id);
    });
  });
export type QuestionnaireContent = z.infer<typeof questionnaireContentSchema>;

/** The elements with no scored question: a questionnaire is published only when this is empty. */
export function elementsWithoutScale(content: QuestionnaireContent): SurveyElement[] {
  return SURVEY_ELEMENTS.filter((e) => !content.questions.some((q) => q.element === e && q.kind === 'scale'));
}

/** Answers by question id: a scale point 1-5, or a choice's index. */
export type SurveyAnswers = Record<string, number>;

export interface AnswerIssue {
  path: string;
  code: 'answer_required' | 'answer_out_of_range' | 'answer_unknown_question';
}

/** What is wrong with a set of answers to a questionnaire: every question answered, in its range. */
export function answerIssues(content: QuestionnaireContent, answers: SurveyAnswers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const ids = new Set(content.questions.map((q) => q.id));
  for (const key of Object.keys(answers))
    if (!ids.has(key)) issues.push({ path: `answers.${key}`, code: 'answer_unknown_question' });
  for (const q of content.questions) {
    const a = answers[q.id];
    if (a === undefined) issues.push({ path: `answers.${q.id}`, code: 'answer_required' });
    else if (
      !Number.isInteger(a) ||
      (q.kind === 'scale' ? !(SCALE_POINTS as readonly number[]).includes(a) : a < 0 || a >= q.choices.length)
    )
      issues.push({ path: `answers.${q.id}`, code: 'answer_out_of_range' });
  }
  return issues;
}

/** The scored answers of one response, by element, as the server stores them for the index. */
export function scoredAnswers(
  content: QuestionnaireContent,
  answers: SurveyAnswers,
): { questionId: string; element: SurveyElement; score: number }[] {
  return content.questions
    .filter((q) => q.kind === 'scale' && answers[q.id] !== undefined)
    .map((q) => ({ questionId: q.id, element: q.element, score: answers[q.id]! }));
}
