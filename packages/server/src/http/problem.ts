import type { FieldError, Locale, Localised } from '@motcua/core';
import type { z } from 'zod';
import { PROBLEMS, type ProblemCode } from './messages.ts';

/** One entry of a problem's `errors`: a field error, or a row of an imported file. */
export type ProblemDetailItem =
  | FieldError
  | { sheet: string; row: number; column?: string; message: string }
  /** A message already written in both languages (e.g. a refusal by the dossier rules). */
  | { path: string; message: Localised };

type ParamValue = string | number | Localised;

/** An error to send as application/problem+json (RFC 9457) with a stable code. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly params: Record<string, ParamValue> = {},
    readonly errors?: ReadonlyArray<ProblemDetailItem>,
    /** Field-level issues still to be worded in the request's language by the error handler. */
    readonly issues?: ReadonlyArray<z.core.$ZodIssue>,
    /** More members for the body, e.g. the rule that refused an action. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'Problem';
  }
}

const inLocale = (value: ParamValue, locale: Locale): string =>
  typeof value === 'object' ? value[locale] : String(value);

export function problemMessage(
  code: ProblemCode,
  locale: Locale,
  params: Record<string, ParamValue> = {},
): string {
  return PROBLEMS[code][locale].replace(/\{(\w+)\}/g, (m, key: string) =>
    key in params ? inLocale(params[key]!, locale) : m,
  );
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  instance?: string;
  errors?: ReadonlyArray<FieldError | { sheet: string; row: number; column?: string; message: string }>;
  [extra: string]: unknown;
}

export function problemBody(problem: Problem, locale: Locale, instance?: string): ProblemBody {
  const message = problemMessage(problem.code, locale, problem.params);
  return {
    type: `https://motcua.gov.vn/problems/${problem.code.replace(/_/g, '-')}`,
    title: message,
    status: problem.status,
    code: problem.code,
    detail: message,
    ...problem.extra,
    ...(instance ? { instance } : {}),
    ...(problem.errors
      ? { errors: problem.errors.map((e) => ({ ...e, message: inLocale(e.message as ParamValue, locale) })) }
      : {}),
  };
}

export const notFound = (code: ProblemCode = 'not_found', params?: Record<string, string | number>) =>
  new Problem(404, code, params);
export const forbidden = (code: ProblemCode = 'forbidden') => new Problem(403, code);
export const conflict = (code: ProblemCode, params?: Record<string, string | number>) =>
  new Problem(409, code, params);
export const invalid = (
  errors: FieldError[],
  code: ProblemCode = 'validation_failed',
  params?: Record<string, string | number>,
) => new Problem(422, code, { count: errors.length, ...params }, errors);

/** A field error whose message is one of core's CUSTOM_MESSAGES, worded per request language. */
export function fieldIssue(path: string, messageCode: string): z.core.$ZodIssue {
  return {
    code: 'custom',
    path: path.split('.'),
    message: messageCode,
    input: undefined,
  } as z.core.$ZodIssue;
}

/** 422 with field issues to be localised. */
export const fieldProblem = (...issues: z.core.$ZodIssue[]) =>
  new Problem(422, 'validation_failed', {}, undefined, issues);
