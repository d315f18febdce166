import type {
  KioskOpened,
  QuestionnaireList,
  QuestionnaireView,
  SurveyAnswered,
  SurveyForm,
  SurveyLinkView,
  SurveyResults,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';

/** The satisfaction surveys' API as the pages use it; the server computes every figure. */

// The server's answers, as core's zod schemas (surveys/api.ts) infer them.
export type { SurveyForm, SurveyResults };
export type Questionnaire = QuestionnaireView;
export type Questionnaires = QuestionnaireList;
export type Kiosk = KioskOpened;
export type SurveyLink = SurveyLinkView;
export type Answered = SurveyAnswered;

const STAFF = '/api/v1/surveys';
const PUBLIC = '/api/v1/public/surveys';

export const useKioskForm = (token: string) =>
  useQuery({
    queryKey: ['surveys', 'kiosk', token],
    queryFn: () => api<SurveyForm>(`${PUBLIC}/kiosks/${encodeURIComponent(token)}`),
    retry: false,
  });
export const useLinkForm = (token: string) =>
  useQuery({
    queryKey: ['surveys', 'link', token],
    queryFn: () => api<SurveyForm>(`${PUBLIC}/links/${encodeURIComponent(token)}`),
    retry: false,
  });

/** Sends one set of answers with the key of that attempt, so a double tap counts once. */
export function useAnswer(kind: 'kiosks' | 'links', token: string) {
  return useMutation({
    mutationFn: (p: { questionnaireId: string; answers: Record<string, number>; key: string }) =>
      api<Answered>(`${PUBLIC}/${kind}/${encodeURIComponent(token)}/responses`, {
        method: 'POST',
        body: { questionnaireId: p.questionnaireId, answers: p.answers },
        headers: { 'Idempotency-Key': p.key },
      }),
  });
}

export const useQuestionnaires = () =>
  useQuery({
    queryKey: ['surveys', 'questionnaires'],
    queryFn: () => api<Questionnaires>(`${STAFF}/questionnaires`),
  });

export const useResults = (q: { unitId?: string; from?: string; to?: string }) =>
  useQuery({
    queryKey: ['surveys', 'results', q],
    queryFn: () => api<SurveyResults>(withQuery(`${STAFF}/results`, q)),
  });

export const usePaperForm = (unitId: string) =>
  useQuery({
    queryKey: ['surveys', 'paper-form', unitId],
    queryFn: () => api<SurveyForm>(withQuery(`${STAFF}/paper-form`, { unitId })),
    enabled: Boolean(unitId),
  });

export const useDossierSurveyLink = (dossierId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['surveys', 'dossier-link', dossierId],
    queryFn: () => api<SurveyLink>(`${STAFF}/dossiers/${encodeURIComponent(dossierId)}/link`),
    enabled,
    retry: false,
  });

/** A staff change; every survey query is read again after it. */
export function useSurveyChange<T = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { method: 'POST' | 'PUT'; path: string; body?: unknown; key?: string }) =>
      api<T>(`${STAFF}${p.path}`, {
        method: p.method,
        body: p.body ?? {},
        headers: p.key ? { 'Idempotency-Key': p.key } : undefined,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

export const useQuestionnaire = (id: string) =>
  useQuery({
    queryKey: ['surveys', 'questionnaire', id],
    queryFn: () => api<Questionnaire>(`${STAFF}/questionnaires/${encodeURIComponent(id)}`),
  });
