import { z } from 'zod';

/**
 * One entry of a problem's `errors`: a field (`path`), or a row of an imported file (`sheet`,
 * `row`, `column`). Loose, like the problem itself: an error answer must never fail its own schema.
 */
export const problemErrorSchema = z.looseObject({
  path: z.string().optional(),
  message: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().nullable().optional(),
});

/**
 * Every 4xx and 5xx answer: RFC 9457 problem details (application/problem+json) with a stable
 * `code` clients branch on; `title` and `detail` are worded in the request's language.
 */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(problemErrorSchema).optional(),
    /** A refused dossier action: the rule that refused it (core's refusal codes). */
    rule: z.string().optional(),
    /** 5xx: the request id, also sent as the X-Request-Id header, for the logs. */
    requestId: z.string().optional(),
    /** 503 database_unavailable: why the database cannot be reached. */
    reason: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'Problem details (RFC 9457), application/problem+json' });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemFieldError = z.infer<typeof problemErrorSchema>;
