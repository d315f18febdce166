import { z } from 'zod';

/**
 * Building blocks of the answers' schemas. Answers are strict objects: a handler that sends a
 * member its schema does not declare fails the request (500), so the declared contract and the
 * handler cannot drift apart unnoticed.
 */

/** An instant as ISO 8601 with its offset (the server sends UTC, `…Z`). */
export const instantSchema = z.iso.datetime({ offset: true });

/** A civil date, YYYY-MM-DD. */
export const civilDateSchema = z.iso.date();

/** One page of a list: `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });

/** A whole list, unpaginated: `{ items }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** A file download's body, described in OpenAPI as binary under its media type. */
export const fileSchema = z.any().meta({ type: 'string', format: 'binary' });

/** A reference to a named thing: `{ id, name }` (the name is null when it cannot be read). */
export const namedRefSchema = z.strictObject({ id: z.string(), name: z.string().nullable() });

/** A thing just created (201) or updated, by its id. */
export const createdResponse = z.strictObject({ id: z.uuid() });

/** GET /api/openapi.json: the OpenAPI 3 document of the API itself. */
export const openApiDocumentResponse = z
  .record(z.string(), z.unknown())
  .meta({ description: 'The OpenAPI 3 document of this API' });

/** An answer without a body (204). */
export const noContentSchema = z.undefined().meta({ type: 'null', description: 'No content' });

/** GET /api/health: the server answers and its database too. */
export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  time: instantSchema,
});

/** One page of a list of T, as `pageOf` declares it. */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageOf<z.ZodNever>>>, 'items'> & { items: T[] };
