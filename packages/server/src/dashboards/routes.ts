import {
  channelFigures,
  dashboardSeries,
  type Granularity,
  groupFigures,
  isIsoDate,
  type LeaderDashboard,
  leaderDashboardResponse,
  type PublicBoard,
  publicBoardResponse,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import { type AppContext, readDatabase } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { listDossiers } from '../dossiers/list.ts';
import { requestLocale } from '../http/locale.ts';
import { answers } from '../http/responses.ts';
import { REPORT_READERS, readableScope } from '../statistics/scope.ts';
import { fieldNames } from '../statistics/store.ts';
import { vietnamDate } from '../time.ts';
import { agencyFieldSums, bucketSums, unitFieldSums, unitNames } from './store.ts';

const date = z.string().refine(isIsoDate, { message: 'invalid_date' });

export const leaderDashboardQuery = z.object({
  agency: z.uuid().optional(),
  /** Vietnam dates, both included; by default from 1 January to today. */
  from: date.optional(),
  to: date.optional(),
  granularity: z.enum(['month', 'week']).default('month'),
});
type LeaderDashboardQuery = z.infer<typeof leaderDashboardQuery>;

export const publicBoardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2199).optional() });

/** How many dossiers of each list the dashboard shows (the queue page has the rest). */
export const DASHBOARD_LIST_SIZE = 10;

/**
 * The leaders' dashboard of one agency: Biểu 06's counters per period bucket, field, receiving
 * unit and channel, and the overdue and at-risk lists from the persisted time facts (the queue's
 * own list). Readers hold a statistics role on the agency or above it.
 */
export async function leaderDashboard(
  ctx: AppContext,
  db: Queryable,
  session: Session,
  q: LeaderDashboardQuery,
  locale: 'vi' | 'en',
): Promise<LeaderDashboard> {
  const now = ctx.now();
  const today = vietnamDate(now);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  // The same readers and period rules as Biểu số 06, for the whole agency.
  const { agency } = await readableScope(db, session, { from, to, agency: q.agency });

  const scope = { agencyId: agency.id, from, to };
  const granularity: Granularity = q.granularity;
  const buckets = await bucketSums(db, scope, granularity);
  const sums = await unitFieldSums(db, scope);
  const byField = groupFigures(
    sums.map(({ unit: _u, field, ...s }) => ({ ...s, key: field })),
    await fieldNames(db, locale),
  );
  const byUnit = groupFigures(
    sums.map(({ unit, field: _f, ...s }) => ({ ...s, key: unit })),
    await unitNames(db, [...new Set(sums.map((s) => s.unit))]),
  );
  const list = async (which: 'overdue' | 'atRisk') => {
    const found = await listDossiers(db, {
      scope: [agency.id],
      [which]: true,
      open: true,
      sort: 'due',
      page: 1,
      pageSize: DASHBOARD_LIST_SIZE,
      now,
      locale,
    });
    return {
      total: found.total,
      items: found.items.map((d) => ({
        id: d.id,
        code: d.code,
        procedureName: d.procedureName,
        stateLabel: d.stateLabel,
        currentUnit: d.currentUnit,
        receivedAt: d.receivedAt ?? null,
        dueAt: d.dueAt ?? null,
      })),
    };
  };
  return {
    agency: { id: agency.id, name: agency.name },
    from,
    to,
    granularity,
    series: dashboardSeries(buckets, from, to, granularity),
    totals: byField.totals,
    byField: byField.rows,
    byUnit: byUnit.rows,
    byChannel: channelFigures(sums.map(({ unit: _u, field, ...s }) => ({ ...s, key: field }))),
    overdue: await list('overdue'),
    atRisk: await list('atRisk'),
  };
}

/** The public board of a year (to today in the current year): on-time rates by agency and field. */
export async function publicBoard(
  ctx: AppContext,
  db: Queryable,
  year: number | undefined,
  locale: 'vi' | 'en',
): Promise<PublicBoard> {
  const today = vietnamDate(ctx.now());
  const y = year ?? Number(today.slice(0, 4));
  const from = `${y}-01-01`;
  const to = `${y}-12-31` < today ? `${y}-12-31` : today;
  if (to < from)
    return { year: y, from, to: from, totals: groupFigures([], {}).totals, byAgency: [], byField: [] };
  const sums = await agencyFieldSums(db, { from, to });
  const byAgency = groupFigures(
    sums.map(({ agency, field: _f, ...s }) => ({ ...s, key: agency })),
    await unitNames(db, [...new Set(sums.map((s) => s.agency))]),
  );
  const byField = groupFigures(
    sums.map(({ agency: _a, field, ...s }) => ({ ...s, key: field })),
    await fieldNames(db, locale),
  );
  return { year: y, from, to, totals: byAgency.totals, byAgency: byAgency.rows, byField: byField.rows };
}

export function dashboardRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dashboards/leader',
      {
        schema: {
          tags: ['statistics'],
          summary:
            "The leaders' dashboard of an agency: received, resolved and the on-time rate per month or week; by field, receiving unit and channel; the overdue and at-risk dossiers",
          querystring: leaderDashboardQuery,
          response: answers({ 200: leaderDashboardResponse }),
        },
      },
      async (request) => {
        const session = requireRole(request, REPORT_READERS);
        return leaderDashboard(ctx, readDatabase(ctx), session, request.query, requestLocale(request));
      },
    );
    r.get(
      '/public/board',
      {
        schema: {
          tags: ['statistics'],
          summary:
            'The public board (no sign-in): on-time rates of a year by agency and by field, aggregates only',
          querystring: publicBoardQuery,
          response: answers({ 200: publicBoardResponse }),
        },
      },
      async (request, reply) => {
        const board = await publicBoard(ctx, readDatabase(ctx), request.query.year, requestLocale(request));
        // Aggregates only, the same for everyone: shared caches may keep them a few minutes.
        reply.header('Cache-Control', 'public, max-age=300');
        reply.header('Vary', 'Accept-Language');
        return board;
      },
    );
  };
}
