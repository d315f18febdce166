import { dossierQueueUnits, workSummarySchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { listDossiers } from './list.ts';
import { countWork, type WorkCounts } from './summary-store.ts';

/**
 * The counts on each role's home: every count is the total of the queue its link opens (`query` is
 * that queue's address), counted in one grouped query with the queue's own conditions.
 */
const QUERIES: Record<keyof WorkCounts, Record<string, string>> = {
  overdue: { overdue: 'true', open: 'true' },
  atRisk: { risk: 'at_risk', open: 'true' },
  dueToday: { dueToday: 'true', open: 'true' },
  toProcess: { assignee: 'me', open: 'true' },
  toReceive: { state: 'submitted' },
  toApprove: { state: 'awaiting_approval' },
};
type CountKey = keyof WorkCounts;

/** How many of the most overdue dossiers a leader's home lists by name. */
const MOST_OVERDUE = 5;

export function summaryRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossiers/summary',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            "Counts of the user's work, each with the queue it links to; for a leader, the most overdue dossiers",
          response: answers({ 200: workSummarySchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const scope = await descendantIds(ctx.db, dossierQueueUnits(session.roles));
        const roles = new Set(session.roles.map((g) => g.role));
        if (scope.size === 0) return { items: [], mostOverdue: [] };
        // Who sees what: the counter receives, the departments process, a leader looks at lateness first.
        const keys: CountKey[] = roles.has('leader')
          ? ['overdue', 'toApprove', 'atRisk', 'dueToday']
          : (['toReceive', 'toProcess', 'dueToday', 'atRisk', 'overdue'] as const).filter(
              (k) =>
                (k !== 'toReceive' || roles.has('counter_officer')) &&
                (k !== 'toProcess' || roles.has('specialist') || roles.has('head_of_unit')),
            );
        const now = ctx.now();
        const counts = await countWork(ctx.db, { scope: [...scope], userId: session.user.id, now });
        const items = keys.map((key) => ({
          key,
          count: counts[key],
          query: new URLSearchParams(QUERIES[key]).toString(),
        }));
        // A leader sees the worst first: the dossiers longest past their date, with how late they are.
        const mostOverdue =
          roles.has('leader') && counts.overdue > 0
            ? (
                await listDossiers(ctx.db, {
                  scope: [...scope],
                  overdue: true,
                  open: true,
                  sort: 'due',
                  page: 1,
                  pageSize: MOST_OVERDUE,
                  now,
                  locale: requestLocale(request),
                })
              ).items
            : [];
        return { items, mostOverdue };
      },
    );
  };
}
