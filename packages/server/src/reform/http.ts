import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { readUpload } from '../files/read-upload.ts';
import { findReplay, idempotencyKey, lockKey, remember, requestHash } from '../http/idempotency.ts';
import { Problem } from '../http/problem.ts';

/**
 * Runs a change once per user and Idempotency-Key, in one transaction: a retried submit gets the
 * first answer back (with Idempotent-Replayed) instead of a second report or plan.
 */
export async function once(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  content: unknown,
  work: (tx: Queryable) => Promise<{ status: number; body: unknown }>,
) {
  const key = idempotencyKey(request);
  const hash = requestHash({ url: request.url, content });
  try {
    const result = await ctx.db.transaction(async (tx) => {
      if (key) {
        await lockKey(tx, scope, key);
        const replay = await findReplay(tx, scope, key, hash);
        if (replay) return { ...replay, replayed: true };
      }
      const r = await work(tx);
      if (key) await remember(tx, scope, key, hash, r, ctx.now());
      return { ...r, replayed: false };
    });
    if (result.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(result.status).send(result.body);
  } catch (err) {
    if (key && (err as { code?: string }).code === '23505') {
      const replay = await findReplay(ctx.db, scope, key, hash);
      if (replay) return reply.status(replay.status).header('Idempotent-Replayed', 'true').send(replay.body);
    }
    throw err;
  }
}

export interface FormUpload {
  fields: Record<string, string>;
  file: { data: Buffer; filename: string } | null;
  /** The form's content for the idempotency hash (the file by its digest). */
  digest: unknown;
}

/** Reads a multipart form (fields in any order, at most one file) with the usual upload checks. */
export async function readForm(ctx: AppContext, request: FastifyRequest): Promise<FormUpload> {
  if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
  const fields: Record<string, string> = {};
  let file: FormUpload['file'] = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await readUpload(part, ctx.config.uploadMaxBytes);
      if (data.length > 0 || part.filename) file = { data, filename: (part.filename || 'tep').slice(0, 300) };
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  const digest = { fields, file: file ? createHash('sha256').update(file.data).digest('hex') : null };
  return { fields, file, digest };
}
