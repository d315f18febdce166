import type {
  Index766Period,
  Index766Response,
  Index766TargetsResponse,
  Index766TargetsUpdate,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api, withQuery } from './client.ts';

/** The Decision 766 index as the server counts it (GET /api/v1/reports/766). */
export interface Index766Query {
  period: Index766Period;
  year: number;
  index: number;
  agency?: string | undefined;
  unit?: string | undefined;
}

export function useIndex766(q: Index766Query) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['staff', 'reports', '766', q, locale],
    queryFn: ({ signal }) =>
      api<Index766Response>(
        withQuery('/api/v1/reports/766', {
          period: q.period,
          year: q.year,
          index: q.index,
          agency: q.agency,
          unit: q.unit,
        }),
        { signal },
      ),
  });
}

export function useIndex766Targets(agencyId: string | null, year: number) {
  return useQuery({
    queryKey: ['admin', 'index766', agencyId, year],
    queryFn: ({ signal }) =>
      api<Index766TargetsResponse>(
        withQuery('/api/v1/admin/index766/targets', { year, agency: agencyId ?? undefined }),
        { signal },
      ),
  });
}

export function useSaveIndex766Targets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Index766TargetsUpdate) =>
      api<Index766TargetsResponse>('/api/v1/admin/index766/targets', { method: 'PUT', body }),
    onSuccess: () =>
      client
        .invalidateQueries({ queryKey: ['admin', 'index766'] })
        .then(() => client.invalidateQueries({ queryKey: ['staff', 'reports', '766'] })),
  });
}
