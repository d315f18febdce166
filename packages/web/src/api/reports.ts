import type { Report06, Report06Dossiers } from '@motcua/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import type { Report06DossiersParams } from '../paths.ts';
import { api, withQuery } from './client.ts';

/** Biểu số 06 as the server sends it (GET /api/v1/reports/06), typed by core's answer schema. */
export type { Report06, Report06Numbers } from '@motcua/core';

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
