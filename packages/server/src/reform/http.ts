import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { readUpload } from '../files/read-upload.ts';
import { Problem } from '../http/problem.ts';

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
