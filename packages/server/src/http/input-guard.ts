import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Problem } from './problem.ts';
import { RequestValidationError } from './validation.ts';

/** Largest request body read, in bytes; a larger one is a 413 before it is parsed. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted in a body; no form of ours comes near it. */
export const MAX_BODY_DEPTH = 32;

/**
 * How deeply objects and arrays nest in `value`, counted without recursion (a deep value would
 * overflow the stack of a recursive walk), and stopping once `limit` is passed.
 */
export function nestingDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, level]);
  }
  return deepest;
}

/** Refuses a body nested deeper than MAX_BODY_DEPTH, before anything walks it recursively. */
export function assertBodyDepth(body: unknown): void {
  if (nestingDepth(body) > MAX_BODY_DEPTH) throw new Problem(400, 'body_too_deep', { max: MAX_BODY_DEPTH });
}

/**
 * Paths of the strings (values or keys) that carry a NUL character. PostgreSQL cannot store NUL in
 * text or jsonb, so such input would fail in SQL; it is never meaningful in a form either.
 */
export function nulCharacterPaths(value: unknown, max = 10): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: Array<[unknown, PropertyKey[]]> = [[value, []]];
  while (stack.length > 0 && found.length < max) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(path);
      continue;
    }
    if (current === null || typeof current !== 'object' || path.length > MAX_BODY_DEPTH) continue;
    const entries = Array.isArray(current) ? current.map((v, i) => [i, v] as const) : Object.entries(current);
    for (const [key, child] of entries.reverse()) {
      const at = [...path, typeof key === 'string' ? key.replaceAll('\u0000', '\\u0000') : key];
      if (typeof key === 'string' && key.includes('\u0000')) found.push(at);
      else stack.push([child, at]);
    }
  }
  return found;
}

const PARTS = [
  ['params', (r: FastifyRequest) => r.params],
  ['querystring', (r: FastifyRequest) => r.query],
  ['headers', (r: FastifyRequest) => r.headers],
  ['body', (r: FastifyRequest) => r.body],
] as const;

/**
 * A multipart body is cut into parts at its boundary (RFC 2046: 1 to 70 characters). Without one
 * the parser cannot even start; refused here, before a route reads the upload.
 */
function assertMultipartBoundary(contentType: string | undefined): void {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return;
  const boundary = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2] ?? '';
  if (value.length < 1 || value.length > 70) throw new Problem(400, 'multipart_malformed');
}

/** Parser errors of a multipart body that ends early or has broken part headers. */
export function isMalformedMultipart(error: { message?: unknown; code?: unknown }): boolean {
  // The upload stream ends before the closing boundary: the body stopped short.
  if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  return (
    typeof error.message === 'string' &&
    /unexpected end of multipart data|malformed part header|boundary not found/i.test(error.message)
  );
}

/**
 * Checks every request, whatever its route, before its schema: the multipart boundary, the body's
 * nesting depth, and NUL characters anywhere in the address, query, headers or body, refused with
 * the field named.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertMultipartBoundary(request.headers['content-type']);
    assertBodyDepth(request.body);
    for (const [part, read] of PARTS) {
      const paths = nulCharacterPaths(read(request));
      if (paths.length === 0) continue;
      const issues = paths.map(
        (path) =>
          ({ code: 'custom', path, message: 'text_nul_character', input: undefined }) as z.core.$ZodIssue,
      );
      throw new RequestValidationError(issues, part);
    }
  });
}
