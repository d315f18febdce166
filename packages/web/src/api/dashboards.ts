import type { LeaderDashboard, PublicBoard } from '@motcua/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api, withQuery } from './client.ts';

export type { LeaderDashboard, PublicBoard };

export interface DashboardQuery {
  from: string;
  to: string;
  granularity: 'month' | 'week';
  agency?: string | undefined;
}

/** GET /api/v1/dashboards/leader: the leaders' dashboard of an agency. */
export function useLeaderDashboard(q: DashboardQuery) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['staff', 'dashboards', 'leader', q, locale],
    queryFn: ({ signal }) =>
      api<LeaderDashboard>(withQuery('/api/v1/dashboards/leader', { ...q }), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/v1/public/board: on-time rates by agency and field (no sign-in). */
export function usePublicBoard(year: number | undefined) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['public', 'board', year ?? null, locale],
    queryFn: ({ signal }) => api<PublicBoard>(withQuery('/api/v1/public/board', { year }), { signal }),
    placeholderData: keepPreviousData,
  });
}
