import {
  agencyListSchema,
  fieldListSchema,
  notReceivableReason,
  ONLINE_LEVELS,
  type ProcedureContent,
  procedureByCodeResponse,
  procedureListSchema,
  publicProcedureSchema,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import {
  agenciesWithProcedures,
  fieldsWithCounts,
  publicProcedure,
  publicProceduresByCode,
} from './public-store.ts';
import { PUBLIC_STATUSES, searchCatalogue } from './search.ts';

export const pagingQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(100).optional(),
  agency: z.uuid().optional(),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
  lang: z.enum(['vi', 'en']).optional(),
  ...pagingQuery,
});

const UNKNOWN_TIME = { value: null, unit: 'working_days' } as const;

export function publicCatalogueRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/procedures',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Search the procedures in force (accent-insensitive)',
          querystring: listQuery,
          response: answers({ 200: procedureListSchema }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const { rows, total } = await searchCatalogue(ctx.db, { ...q, statuses: PUBLIC_STATUSES });
        reply.header('Cache-Control', 'public, max-age=60');
        return {
          items: rows.map((row) => {
            const content = row.content as ProcedureContent;
            return {
              id: row.id,
              code: row.code,
              codeKind: content.codeKind,
              name: row.name,
              field: { code: row.field_code, name: row.field_name },
              agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
              processingTime: content.processingTime ?? UNKNOWN_TIME,
              onlineLevel: row.online_level,
              status: row.status,
              postalAllowed: content.postalAllowed,
              hasFees: content.fees.length > 0,
              notReceivableReason: notReceivableReason({
                processingTime: content.processingTime ?? UNKNOWN_TIME,
              }),
            };
          }),
          total,
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    r.get(
      '/procedures/by-code/:code',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'The public procedure with this code (mã thủ tục), e.g. SNV-VL-001',
          params: z.object({ code: z.string().trim().min(1).max(50) }),
          response: answers({ 200: procedureByCodeResponse }),
        },
      },
      async (request, reply) => {
        const rows = await publicProceduresByCode(ctx.db, request.params.code, PUBLIC_STATUSES);
        if (rows.length === 0) throw new Problem(404, 'procedure_not_found');
        if (rows.length > 1)
          throw new Problem(409, 'procedure_code_ambiguous', { code: request.params.code });
        reply.header('Cache-Control', 'public, max-age=60');
        return rows[0]!;
      },
    );

    r.get(
      '/procedures/:id',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Everything a citizen needs to prepare a dossier for one procedure',
          params: z.object({ id: z.uuid() }),
          response: answers({ 200: publicProcedureSchema }),
        },
      },
      async (request, reply) => {
        const row = await publicProcedure(ctx.db, request.params.id);
        if (!row) throw new Problem(404, 'procedure_not_found');
        reply.header('Cache-Control', 'public, max-age=60');
        return {
          id: row.id,
          status: row.status,
          version: row.version,
          effectiveFrom: row.effective_from,
          publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
          agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
          field: { code: row.content.fieldCode, name: row.field_name },
          ...row.content,
          notReceivableReason: notReceivableReason(row.content),
        };
      },
    );

    r.get(
      '/fields',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Fields (lĩnh vực) with their number of procedures in force',
          response: answers({ 200: fieldListSchema }),
        },
      },
      async () => {
        const items = await fieldsWithCounts(ctx.db);
        return { items };
      },
    );

    r.get(
      '/agencies',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Agencies that have procedures in force',
          response: answers({ 200: agencyListSchema }),
        },
      },
      async () => {
        const items = await agenciesWithProcedures(ctx.db);
        return { items };
      },
    );
  };
}
