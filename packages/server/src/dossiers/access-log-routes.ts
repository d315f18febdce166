import { personalDataReadListSchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, requireRole } from '../auth/guard.ts';
import { pagingQuery } from '../catalogue/public-routes.ts';
import type { AppContext } from '../context.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { listPersonalDataReads } from './access-log.ts';

const ADMIN = ['administrator'] as const;

/** The record of staff reads of applicants' data, for the administrators of the agencies concerned. */
export function accessLogRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossier-access',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Who read which dossier’s applicant data, when and what (detail, form, document); newest first',
          querystring: z.object({ dossier: z.uuid().optional(), user: z.uuid().optional(), ...pagingQuery }),
          response: answers({ 200: personalDataReadListSchema }),
        },
      },
      async (request) => {
        const session = requireRole(request, ADMIN);
        const scope = await descendantIds(ctx.db, grantedUnits(session, ADMIN));
        const q = request.query;
        return listPersonalDataReads(ctx.db, {
          agencies: [...scope],
          dossierId: q.dossier,
          userId: q.user,
          page: q.page,
          pageSize: q.pageSize,
        });
      },
    );
  };
}
