import type {
  ReportContent,
  refreshPreviewResponse,
  reportCreatedResponse,
  reportListResponse,
  reportResponse,
  reportVersionsResponse,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../api/client.ts';

/** The periodic reform reports' API (/api/v1/reform/reports); the server drafts every figure. */

export type ReportList = z.infer<typeof reportListResponse>;
export type ReportView = z.infer<typeof reportResponse>;
export type ReportVersions = z.infer<typeof reportVersionsResponse>;
export type RefreshPreview = z.infer<typeof refreshPreviewResponse>;
export type ReportChanged = z.infer<typeof reportCreatedResponse>;
export type { ReportContent };

const BASE = '/api/v1/reform/reports';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const REPORT_PATHS = {
  list: '/can-bo/cai-cach/bao-cao',
  report: (id: string, version?: number) =>
    `/can-bo/cai-cach/bao-cao/${encodeURIComponent(id)}${version ? `?phien-ban=${version}` : ''}`,
} as const;

export const docxUrl = (id: string, version: number) => `${one(id)}/docx?version=${version}`;

export const useReports = () =>
  useQuery({ queryKey: ['reform-reports'], queryFn: () => api<ReportList>(BASE) });

export const useReport = (id: string, version?: number) =>
  useQuery({
    queryKey: ['reform-report', id, version ?? 'latest'],
    queryFn: () => api<ReportView>(one(id), { query: version ? { version: String(version) } : undefined }),
  });

export const useVersions = (id: string) =>
  useQuery({
    queryKey: ['reform-report-versions', id],
    queryFn: () => api<ReportVersions>(`${one(id)}/versions`),
  });

/** Any change to a report: the answer is the new version; every view of the report is read again. */
export function useReportChange(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: '' | '/refresh' | '/restore'; method: 'PUT' | 'POST'; body: unknown }) =>
      api<ReportChanged>(`${one(id)}${v.path}`, { method: v.method, body: v.body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['reform-report', id] });
      void qc.invalidateQueries({ queryKey: ['reform-report-versions', id] });
      void qc.invalidateQueries({ queryKey: ['reform-reports'] });
    },
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; period: string; agencyId?: string }) =>
      api<ReportChanged>(BASE, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reform-reports'] }),
  });
}

export const previewRefresh = (id: string) => api<RefreshPreview>(`${one(id)}/refresh`);
