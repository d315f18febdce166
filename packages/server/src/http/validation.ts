import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { safeParse } from 'zod/v4/core';

/** Carries zod's issues to the error handler, which words them in the request's language. */
export class RequestValidationError extends Error {
  readonly statusCode: number;
  constructor(
    readonly issues: readonly z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super(`invalid ${part}`);
    this.name = 'RequestValidationError';
    // A body that parses but says the wrong things is 422; a wrong address or query is 400.
    this.statusCode = part === 'body' ? 422 : 400;
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };
