import {
  INDEX766_PERIODS,
  index766PeriodCount,
  index766Response,
  index766TargetsResponse,
  index766TargetsUpdateSchema,
  vietnamDateOf,
} from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { grantedUnits, requireRole, requireRoleOn } from '../auth/guard.ts';
import { type AppContext, readDatabase } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { topLevelUnits } from '../org/units.ts';
import { REPORT_READERS } from '../statistics/routes.ts';
import { reportUnit } from '../statistics/store.ts';
import { index766Report, index766Targets } from './service.ts';
import { replaceIndex766Overrides } from './store.ts';

const ADMIN = ['administrator'] as const;

export const index766QuerySchema = z
  .object({
    agency: z.uuid().optional(),
    unit: z.uuid().optional(),
    period: z.enum(INDEX766_PERIODS).default('year'),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    index: z.coerce.number().int().min(1).max(12).default(1),
  })
  .refine((q) => q.index <= index766PeriodCount(q.period), {
    path: ['index'],
    message: 'invalid_period_index',
  });

const targetsQuery = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  agency: z.uuid().optional(),
});

export function index766Routes(ctx: AppContext) {
  /** National targets are for administrators of a top-level unit; an agency's for its administrators. */
  const requireTargetsAdmin = async (request: FastifyRequest, agencyId: string | null) => {
    if (agencyId) {
      const session = await requireRoleOn(ctx.db, request, ADMIN, agencyId);
      if ((await reportUnit(ctx.db, agencyId))?.kind !== 'agency')
        throw new Problem(404, 'report_agency_not_found');
      return session;
    }
    const session = requireRole(request, ADMIN);
    const roots = await topLevelUnits(ctx.db, grantedUnits(session, ADMIN));
    if (roots.length === 0) throw new Problem(403, 'unit_outside_scope');
    return session;
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/reports/766',
      {
        schema: {
          tags: ['statistics'],
          summary:
            'The Decision 766 index of an agency (or a unit) for a month, quarter or year: each sub-indicator measured with numerator, denominator, rate, target and points, or not measured with why',
          querystring: index766QuerySchema,
          response: answers({ 200: index766Response }),
        },
      },
      async (request) => {
        const session = requireRole(request, REPORT_READERS);
        const q = request.query;
        const now = ctx.now();
        const year = q.year ?? Number(vietnamDateOf(now).slice(0, 4));
        return index766Report(readDatabase(ctx), session, { ...q, year }, now);
      },
    );

    r.get(
      '/admin/index766/targets',
      {
        schema: {
          tags: ['admin'],
          summary: 'The Decision 766 targets and points in force for an agency (or nationally) in a year',
          querystring: targetsQuery,
          response: answers({ 200: index766TargetsResponse }),
        },
      },
      async (request) => {
        const agencyId = request.query.agency ?? null;
        await requireTargetsAdmin(request, agencyId);
        return index766Targets(ctx.db, agencyId, request.query.year);
      },
    );

    r.put(
      '/admin/index766/targets',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Replace the Decision 766 target and points overrides of an agency (or the national ones) for a year',
          body: index766TargetsUpdateSchema,
          response: answers({ 200: index766TargetsResponse }),
        },
      },
      async (request) => {
        const { agencyId, year, overrides } = request.body;
        const session = await requireTargetsAdmin(request, agencyId);
        await ctx.db.transaction(async (tx) => {
          await replaceIndex766Overrides(tx, agencyId, year, overrides, session.user.id, ctx.now());
          await recordAudit(tx, {
            actorId: session.user.id,
            agencyId,
            action: 'index766.targets_set',
            subjectType: 'unit',
            subjectId: agencyId ?? 'national',
            detail: { year, overrides: overrides.filter((o) => o.target !== null || o.points !== null) },
          });
        });
        return index766Targets(ctx.db, agencyId, year);
      },
    );
  };
}
