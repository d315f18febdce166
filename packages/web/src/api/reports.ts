import type { Report06Dossiers } from '@motcua/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import type { Report06DossiersParams } from '../paths.ts';
import { api, withQuery } from './client.ts';

/** The numbers of one row of Biểu số 06, as the server sends them (GET /api/v1/reports/06). */
export interface Report06Numbers {
  receivedTotal: number;
  receivedOnline: number;
  receivedDirect: number;
  carriedOver: number;
  resolvedTotal: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pendingTotal: number;
  pendingInTime: number;
  pendingOverdue: number;
  refused: number;
  withdrawn: number;
  stopped: number;
}
export interface Report06 {
  agency: { id: string; name: string };
  unit: { id: string; name: string } | null;
  field: string | null;
  from: string;
  to: string;
  rows: (Report06Numbers & { field: string; fieldName: string })[];
  totals: Report06Numbers;
  problems: { field: string; rule: string }[];
}

export interface Report06Query {
  from: string;
  to: string;
  agency?: string | undefined;
  unit?: string | undefined;
}

export const report06Url = (q: Report06Query, format?: 'xlsx' | 'pdf') =>
  withQuery('/api/v1/reports/06', { from: q.from, to: q.to, agency: q.agency, unit: q.unit, format });

export function useReport06(query: Report06Query | null) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['staff', 'reports', '06', query, locale],
    queryFn: ({ signal }) => api<Report06>(report06Url(query!), { signal }),
    enabled: query !== null,
  });
}

export type { Report06Dossiers };

/** The dossiers behind a cell (GET /api/v1/reports/06/dossiers), a page at a time. */
export function useReport06Dossiers(params: Report06DossiersParams | null, pageSize: number) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['staff', 'reports', '06', 'dossiers', params, pageSize, locale],
    queryFn: ({ signal }) =>
      api<Report06Dossiers>(withQuery('/api/v1/reports/06/dossiers', { ...params, pageSize }), { signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
