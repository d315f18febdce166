import type { Report06 } from '@motcua/core';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
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
