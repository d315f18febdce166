import type { Index766Measurement } from '../index766/score.ts';

/**
 * Decision 766's satisfaction indicators from the feedback and rating data (DOMAIN.md §7).
 *
 * 5.2 — feedback handled on time: (answered within 15 working days + open and still within them at
 * the period's end) / cases received in the period; cases rejected as out of scope are in neither.
 * 5.3 — satisfaction with feedback handling: answer ratings not "not satisfied" / answer ratings.
 */
export interface FeedbackFigures {
  /** Received in the period, rejected ones left out. */
  received: number;
  answeredOnTime: number;
  openInTime: number;
  answerRatings: number;
  answerRatingsNegative: number;
}

export function feedbackOnTime(f: FeedbackFigures): Index766Measurement {
  return { kind: 'measured', numerator: f.answeredOnTime + f.openInTime, denominator: f.received };
}

export function feedbackSatisfaction(f: FeedbackFigures): Index766Measurement {
  return {
    kind: 'measured',
    numerator: f.answerRatings - f.answerRatingsNegative,
    denominator: f.answerRatings,
  };
}

/**
 * 5.4 = 100% − (late rate + rate of dossiers with a complaint or a negative rating), both over the
 * dossiers resolved in the period (Biểu số 06, col. 7): the numerator is resolved − resolved late −
 * dossiers rated "not satisfied" or named in a feedback case in the period (never below zero).
 */
export function dossierSatisfaction(n: {
  resolvedTotal: number;
  resolvedLate: number;
  negativeDossiers: number;
}): Index766Measurement {
  return {
    kind: 'measured',
    numerator: Math.max(0, n.resolvedTotal - n.resolvedLate - n.negativeDossiers),
    denominator: n.resolvedTotal,
  };
}
