import type { OnlineLevel } from '@motcua/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api } from './client.ts';
import type { AgencyRef, FieldItem, Page, ProcedureSummary, PublicProcedure } from './types.ts';

export interface CatalogueQuery {
  q: string;
  field: string;
  agency: string;
  onlineLevel: OnlineLevel | '';
  page: number;
}

export const PAGE_SIZE = 20;

export function useFields() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['fields', locale],
    queryFn: () => api<{ items: FieldItem[] }>('/api/v1/fields'),
    staleTime: 5 * 60_000,
  });
}

export function useAgencies() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['agencies', locale],
    queryFn: () => api<{ items: AgencyRef[] }>('/api/v1/agencies'),
    staleTime: 10 * 60_000,
  });
}

export function useProcedureSearch(query: CatalogueQuery) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['procedures', query, locale],
    queryFn: ({ signal }) =>
      api<Page<ProcedureSummary>>('/api/v1/procedures', {
        query: { ...query, pageSize: PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicProcedure(id: string) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['procedure', id, locale],
    queryFn: ({ signal }) => api<PublicProcedure>(`/api/v1/procedures/${encodeURIComponent(id)}`, { signal }),
  });
}
