import { CalendarRangeError, FIRST_YEAR, LAST_YEAR, localiseIssues } from '@motcua/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DatabaseUnavailableError } from '../db/availability.ts';
import { isMalformedMultipart } from './input-guard.ts';
import { requestLocale } from './locale.ts';
import { Problem, problemBody } from './problem.ts';
import { RequestValidationError } from './validation.ts';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Turns anything thrown into a problem+json answer; only a real fault becomes a 5xx. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Problem | RequestValidationError, request, reply) => {
    const locale = requestLocale(request);
    const problem = toProblem(error, request.id);
    if (problem.status === 503) reply.header('Retry-After', '5');
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    }
    if (problem.code === 'validation_failed' && error instanceof RequestValidationError) {
      const errors = localiseIssues(error.issues, locale);
      const body = problemBody(
        new Problem(problem.status, 'validation_failed', {}, errors),
        locale,
        request.url,
      );
      return reply.status(problem.status).type(PROBLEM_JSON).send(body);
    }
    if (problem.issues) {
      const errors = [...(problem.errors ?? []), ...localiseIssues(problem.issues, locale)];
      const worded = new Problem(problem.status, problem.code, problem.params, errors);
      return reply
        .status(problem.status)
        .type(PROBLEM_JSON)
        .send(problemBody(worded, locale, request.url));
    }
    return reply
      .status(problem.status)
      .type(PROBLEM_JSON)
      .send(problemBody(problem, locale, request.url));
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    reply
      .status(404)
      .type(PROBLEM_JSON)
      .send(problemBody(new Problem(404, 'route_not_found'), locale, request.url));
  });
}

function toProblem(error: unknown, requestId: string): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof RequestValidationError) return new Problem(error.statusCode, 'validation_failed');
  // The database went away (a restart, a failover): the request may be retried, it is not our fault.
  if (error instanceof DatabaseUnavailableError)
    return new Problem(503, 'database_unavailable', { requestId }, undefined, undefined, {
      requestId,
      reason: error.reason,
    });
  // A date beyond the computed holidays is the caller's input, not our fault.
  if (error instanceof CalendarRangeError)
    return new Problem(422, 'date_out_of_range', { first: FIRST_YEAR, last: LAST_YEAR, year: error.year });
  const e = error as Partial<FastifyError> & { code?: string; statusCode?: number };
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new Problem(413, 'payload_too_large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new Problem(400, 'malformed_request');
    case '23505': // unique_violation: a concurrent request created the same thing first
      return new Problem(409, 'conflict');
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new Problem(409, 'conflict');
    case '22P02': // invalid_text_representation, e.g. a malformed uuid that slipped past a schema
    case '22021': // character_not_in_repertoire: a NUL in text that reached SQL unchecked
    case '22P05': // untranslatable_character: the same in jsonb
      return new Problem(400, 'malformed_request');
  }
  if (isMalformedMultipart(e)) return new Problem(400, 'multipart_malformed');
  if (e instanceof SyntaxError || (e.statusCode === 400 && e.name === 'SyntaxError'))
    return new Problem(400, 'malformed_request');
  if (e.statusCode === 429) return new Problem(429, 'rate_limited', { seconds: 60 });
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 404) return new Problem(404, 'not_found');
    if (e.statusCode === 413) return new Problem(413, 'payload_too_large');
    if (e.statusCode === 415) return new Problem(415, 'unsupported_media_type');
    return new Problem(400, 'malformed_request');
  }
  return new Problem(500, 'internal_error', { requestId });
}
