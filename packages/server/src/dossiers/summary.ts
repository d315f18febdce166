import { dossierQueueUnits, workSummarySchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { type DossierListQuery, listDossiers } from './list.ts';

/**
 * The counts on each role's home: every count is the total of the queue its link opens, read with
 * the same filters (`query` is that queue's address), so the two can never disagree.
 */
const COUNTS = {
  overdue: { overdue: 'true', open: 'true' },
  atRisk: { risk: 'at_risk', open: 'true' },
  dueToday: { dueToday: 'true', open: 'true' },
  toProcess: { assignee: 'me', open: 'true' },
  toReceive: { state: 'submitted' },
} as const;
type CountKey = keyof typeof COUNTS;

function filters(key: CountKey, userId: string): Partial<DossierListQuery> {
  switch (key) {
    case 'overdue':
      return { overdue: true, open: true };
    case 'atRisk':
      return { atRisk: true, open: true };
    case 'dueToday':
      return { dueToday: true, open: true };
    case 'toProcess':
      return { assignee: userId, open: true };
    case 'toReceive':
      return { state: 'submitted' };
  }
}

export function summaryRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossiers/summary',
      {
        schema: {
          tags: ['dossiers'],
          summary: "Counts of the user's work, each with the queue it links to",
          response: answers({ 200: workSummarySchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const scope = await descendantIds(ctx.db, dossierQueueUnits(session.roles));
        const roles = new Set(session.roles.map((g) => g.role));
        if (scope.size === 0) return { items: [] };
        // Who sees what: the counter receives, the departments process, a leader looks at lateness first.
        const keys: CountKey[] = roles.has('leader')
          ? ['overdue', 'atRisk', 'dueToday']
          : (['toReceive', 'toProcess', 'dueToday', 'atRisk', 'overdue'].filter(
              (k) =>
                (k !== 'toReceive' || roles.has('counter_officer')) &&
                (k !== 'toProcess' || roles.has('specialist') || roles.has('head_of_unit')),
            ) as CountKey[]);
        const now = ctx.now();
        const items = [];
        for (const key of keys) {
          const list = await listDossiers(ctx.db, {
            scope: [...scope],
            sort: 'due',
            page: 1,
            pageSize: 1,
            now,
            locale: requestLocale(request),
            ...filters(key, session.user.id),
          });
          items.push({ key, count: list.total, query: new URLSearchParams(COUNTS[key]).toString() });
        }
        return { items };
      },
    );
  };
}
