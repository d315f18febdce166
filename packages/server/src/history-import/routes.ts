import { PassThrough } from 'node:stream';
import { historyImportResponse, jsonSchemaDocumentResponse } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireRoleOn } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem, problemBody } from '../http/problem.ts';
import { answers, jsonOrFileAnswer } from '../http/responses.ts';
import { historyImportJsonSchema } from './format.ts';
import { importHistory, readHeader } from './replay.ts';
import { findAgency } from './store.ts';

const ADMIN = ['administrator'] as const;

/** A converted history is large: one agency's years of dossiers in one JSON file. */
export const HISTORY_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The history import's API: its file format as JSON Schema, and the import itself (dry run or
 * real), by an administrator of the file's agency. With `Accept: application/x-ndjson` the answer
 * streams one JSON line per step of progress, then the result (or the problem) as the last line.
 */
export function historyImportRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/import/dossiers/schema.json',
      {
        schema: {
          tags: ['admin'],
          summary: 'The JSON Schema of the history import file (chuyển đổi dữ liệu hồ sơ)',
          response: answers({
            200: {
              description: 'The file format as JSON Schema',
              content: { 'application/schema+json': { schema: jsonSchemaDocumentResponse } },
            },
          }),
        },
      },
      async (_request, reply) => reply.type('application/schema+json').send(historyImportJsonSchema()),
    );

    r.post(
      '/import/dossiers',
      {
        bodyLimit: HISTORY_IMPORT_MAX_BYTES,
        schema: {
          tags: ['admin'],
          summary:
            'Import dossiers from the previous one-stop system, replayed through the rules; all or nothing, or a dry run',
          description:
            'The body is the file (docs/history-import.md). Every refused dossier or event is listed by dossierIndex and eventIndex with the rule’s code and a Vietnamese/English message; then nothing is written (422 history_import_refused). dryRun=true reports the same and writes nothing (200). Accept: application/x-ndjson streams {"event":"progress","done","total"} lines, then {"event":"result",…} or {"event":"problem",…}.',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
          body: z.unknown(),
          response: answers({
            200: jsonOrFileAnswer(
              'The result (a dry run, or nothing to refuse); with Accept: application/x-ndjson, the stream of progress lines ending with the result or the problem',
              historyImportResponse,
              ['application/x-ndjson'],
            ),
          }),
        },
      },
      async (request, reply) => {
        const session = requireRole(request, ADMIN);
        const locale = requestLocale(request);
        const options = {
          dryRun: request.query.dryRun === 'true',
          importedBy: { id: session.user.id, name: session.user.fullName },
          authorise: async (agencyId: string) => {
            await requireRoleOn(ctx.db, request, ADMIN, agencyId);
          },
        };
        if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) {
          const result = await importHistory(ctx, request.body, options);
          return reply.send(result);
        }
        // Refusals of the request itself (format, agency, scope) are answered before streaming starts.
        const agency = await findAgency(ctx.db, readHeader(request.body).agencyCode);
        if (agency) await options.authorise(agency.id);
        const stream = new PassThrough();
        const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
        let last = -1;
        void importHistory(ctx, request.body, {
          ...options,
          onProgress: (done, total) => {
            if (done === last) return;
            last = done;
            line({ event: 'progress', done, total });
          },
        })
          .then((result) => line({ event: 'result', ...result }))
          .catch((err: unknown) => {
            if (!(err instanceof Problem)) request.log.error({ err }, 'history import failed');
            const problem = err instanceof Problem ? err : new Problem(500, 'internal_error');
            line({ event: 'problem', ...problemBody(problem, locale) });
          })
          .finally(() => stream.end());
        return reply.type('application/x-ndjson; charset=utf-8').send(stream);
      },
    );
  };
}
