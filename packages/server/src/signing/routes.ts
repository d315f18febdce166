import { verifyResponse } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readUpload } from '../files/read-upload.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { verifyStored, verifyUpload } from './service.ts';

/** Largest file the public verification reads (a signed result is far smaller). */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;
const RATE = { rateLimit: { max: 30, timeWindow: 60_000 } };

/** Public verification of signed results: by upload, or by the id the QR code carries. */
export function signingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/public/verify',
      {
        config: RATE,
        schema: {
          tags: ['public'],
          summary:
            'Check a result PDF (multipart field "file"): signature valid, document unchanged, which agency signed and when; names no citizen',
          response: answers({ 200: verifyResponse }),
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file({ limits: { fileSize: VERIFY_MAX_BYTES } });
        if (!file) throw new Problem(400, 'verify_file_missing');
        const data = await readUpload(file, VERIFY_MAX_BYTES);
        if (data.length === 0) throw new Problem(400, 'verify_file_missing');
        return verifyUpload(ctx, data, requestLocale(request));
      },
    );
    r.get(
      '/public/verify/:documentId',
      {
        config: RATE,
        schema: {
          tags: ['public'],
          summary: 'Check the stored copy of a signed result by the id its QR code carries; names no citizen',
          params: z.object({ documentId: z.uuid() }),
          response: answers({ 200: verifyResponse }),
        },
      },
      async (request) => verifyStored(ctx, request.params.documentId, requestLocale(request)),
    );
  };
}
