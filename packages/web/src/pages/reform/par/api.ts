import type {
  ParAssessmentResponse,
  ParAssessmentsResponse,
  ParFrameworksResponse,
  ParRankingResponse,
  ParRemediationResponse,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from '../../../api/client.ts';

/** The PAR Index API (/api/v1/par) as the pages use it; the server computes every total. */

const BASE = '/api/v1/par';
const enc = encodeURIComponent;

export const useFrameworks = () =>
  useQuery({
    queryKey: ['par', 'frameworks'],
    queryFn: () => api<ParFrameworksResponse>(`${BASE}/frameworks`),
  });

export const useAssessments = (frameworkId: string | undefined) =>
  useQuery({
    queryKey: ['par', 'assessments', frameworkId],
    enabled: Boolean(frameworkId),
    queryFn: () => api<ParAssessmentsResponse>(`${BASE}/frameworks/${enc(frameworkId!)}/assessments`),
  });

export const useRanking = (frameworkId: string | undefined) =>
  useQuery({
    queryKey: ['par', 'ranking', frameworkId],
    enabled: Boolean(frameworkId),
    queryFn: () => api<ParRankingResponse>(`${BASE}/frameworks/${enc(frameworkId!)}/ranking`),
  });

/** The units of a reform plan's agency, to name a remediation task's owner (none until a plan is known). */
export const usePlanUnits = (planId: string) =>
  useQuery({
    queryKey: ['reform', 'plan', planId],
    enabled: planId !== '',
    queryFn: () => api<{ units: { id: string; name: string }[] }>(`/api/v1/reform/plans/${enc(planId)}`),
  });

export const useAssessment = (id: string) =>
  useQuery({
    queryKey: ['par', 'assessment', id],
    queryFn: () => api<ParAssessmentResponse>(`${BASE}/assessments/${enc(id)}`),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['par'] });
    void qc.invalidateQueries({ queryKey: ['reform'] });
  };
}

/** A JSON change; the Idempotency-Key (when given) makes a double submit one change. */
export function useParSend() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
      key,
    }: {
      method: 'POST' | 'PUT';
      path: string;
      body: unknown;
      key?: string;
    }) =>
      api<{ id: string } & Partial<ParRemediationResponse>>(`${BASE}${path}`, {
        method,
        body,
        ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
      }),
    onSuccess: refresh,
  });
}

export function useParUpload() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, form }: { path: string; form: FormData }) =>
      upload<{ id: string; criteria?: number }>(`${BASE}${path}`, form),
    onSuccess: refresh,
  });
}

export const evidenceUrl = (assessmentId: string, evidenceId: string) =>
  `${BASE}/assessments/${enc(assessmentId)}/evidence/${enc(evidenceId)}`;

/** Points as people write them in Vietnamese (1,5) or English (1.5). */
export const formatPoints = (n: number, locale: string) =>
  locale === 'vi' ? String(n).replace('.', ',') : String(n);
export const readPoints = (text: string): number | null => {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : null;
};

export const PAR_PATHS = {
  home: '/can-bo/cai-cach/chi-so-cchc',
  assessment: (id: string) => `/can-bo/cai-cach/chi-so-cchc/danh-gia/${enc(id)}`,
  criterion: (id: string, code: string) =>
    `/can-bo/cai-cach/chi-so-cchc/danh-gia/${enc(id)}/tieu-chi/${enc(code)}`,
} as const;
