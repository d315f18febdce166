import type { SwaggerTransformObject } from '@fastify/swagger';
import { fileSchema, problemSchema } from '@motcua/core';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Response declarations for route schemas. Every route declares its answers: its 2xx bodies (core's
 * api schemas) and the problem body of every 4xx and 5xx. fastify-type-provider-zod's serializer
 * checks each body against its schema, so a handler that sends what its schema does not allow fails
 * with a 500 (and a logged error) instead of drifting from the contract the web relies on.
 */

const problemContent = { 'application/problem+json': { schema: problemSchema } };

export const problemResponses = {
  '4xx': {
    description: 'The request was refused: problem details with a stable code',
    content: problemContent,
  },
  '5xx': {
    description: 'A fault, or the database is unavailable (503): problem details',
    content: problemContent,
  },
} as const;

/**
 * The route's success answers, keyed by status, with the problem answers added:
 * `response: answers({ 200: thingResponse })`, `answers({ 201: createdResponse })`,
 * `answers({ 204: noContentSchema })`, `answers({ 200: fileAnswer('Form 01', [PDF_MIME]) })`.
 */
export function answers<const T extends Record<number, z.ZodType | FileAnswer | JsonOrFileAnswer>>(
  ok: T,
): T & typeof problemResponses {
  return { ...ok, ...problemResponses };
}

export interface FileAnswer {
  description: string;
  content: Record<string, { schema: typeof fileSchema }>;
}

/** A file download, declared with its media types (the body is sent as it is, not serialised). */
export function fileAnswer(description: string, mediaTypes: readonly string[]): FileAnswer {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileSchema }])),
  };
}

export interface JsonOrFileAnswer {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

/**
 * One status that answers JSON or files, as the request asks (`format=xlsx`): the JSON body is
 * checked against its schema like any other; a file (a Buffer) is sent as it is.
 */
export function jsonOrFileAnswer(
  description: string,
  json: z.ZodType,
  mediaTypes: readonly string[],
): JsonOrFileAnswer {
  return {
    description,
    content: {
      'application/json': { schema: json },
      ...Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileSchema }])),
    },
  };
}

/**
 * The OpenAPI document's components: the answers' schemas that carry an id (the problem body, the
 * dossier, the procedure under edit), referenced from every operation that answers them. The
 * library also derives an `…Input` twin of each for requests; no request uses them, so they go.
 */
export const openApiComponents: SwaggerTransformObject = (document) => {
  const object = jsonSchemaTransformObject(document) as {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = object.components?.schemas;
  if (schemas) for (const id of Object.keys(schemas)) if (id.endsWith('Input')) delete schemas[id];
  return object as ReturnType<SwaggerTransformObject>;
};
