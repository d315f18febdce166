import type {
  FeedbackCase,
  FeedbackReceived,
  FeedbackStatistics,
  feedbackPublicationDraft,
  feedbackRatingFormResponse,
  PublishedFeedback,
  RatingFollowUp,
  RatingForm,
  RatingGiven,
  RatingInput,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

/** Ratings and feedback as the pages use them; the server computes every deadline and figure. */

export type { FeedbackCase, FeedbackStatistics, PublishedFeedback, RatingFollowUp, RatingForm, RatingGiven };
export type PublicationDraft = z.infer<typeof feedbackPublicationDraft>;
export type AnswerRatingForm = z.infer<typeof feedbackRatingFormResponse>;
export type RatingSend = Partial<RatingInput> & { value: RatingInput['value'] };

const PUBLIC = '/api/v1/public';
const enc = encodeURIComponent;

export const useDossierRatingForm = (token: string) =>
  useQuery({
    queryKey: ['ratings', 'link', token],
    queryFn: () => api<RatingForm>(`${PUBLIC}/ratings/links/${enc(token)}`),
    retry: false,
  });

export const useAnswerRatingForm = (token: string) =>
  useQuery({
    queryKey: ['feedback', 'rating', token],
    queryFn: () => api<AnswerRatingForm>(`${PUBLIC}/feedback/ratings/${enc(token)}`),
    retry: false,
  });

/** Sends a rating with the key of that attempt, so a double tap counts once. */
export function useSendRating(path: string) {
  return useMutation({
    mutationFn: (p: { body: RatingSend & { dossierCode?: string }; key: string }) =>
      api<RatingGiven>(path, { method: 'POST', body: p.body, headers: { 'Idempotency-Key': p.key } }),
  });
}

export function useSendFeedback() {
  return useMutation({
    mutationFn: (p: { body: Record<string, unknown>; key: string }) =>
      api<FeedbackReceived>(`${PUBLIC}/feedback`, {
        method: 'POST',
        body: p.body,
        headers: { 'Idempotency-Key': p.key },
      }),
  });
}

export const usePublished = (q: string, page: number) =>
  useQuery({
    queryKey: ['feedback', 'published', q, page],
    queryFn: () =>
      api<{ items: PublishedFeedback[]; total: number }>(`${PUBLIC}/feedback/published`, {
        query: { q, page },
      }),
  });

export const useCases = (state: string) =>
  useQuery({
    queryKey: ['feedback', 'cases', state],
    queryFn: () => api<{ items: FeedbackCase[] }>('/api/v1/feedback', { query: { state } }),
  });

export const useCase = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['feedback', 'case', id],
    queryFn: () => api<FeedbackCase>(`/api/v1/feedback/${enc(id)}`),
    enabled,
  });

/** The figures of a period of Vietnam dates (the server's default: this year to today). */
export const useFeedbackStatistics = (period: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['feedback', 'statistics', period.from ?? '', period.to ?? ''],
    queryFn: () => api<FeedbackStatistics>('/api/v1/feedback/statistics', { query: period }),
    retry: false,
  });

export const usePublicationDraft = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['feedback', 'publication', id],
    queryFn: () => api<PublicationDraft>(`/api/v1/feedback/${enc(id)}/publication`),
    enabled,
  });

/** A staff change on a case; the case and the lists are read again after it. */
export function useCaseChange(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { path: string; body: unknown }) =>
      api<FeedbackCase>(`/api/v1/feedback/${enc(id)}${p.path}`, { method: 'POST', body: p.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback'] }),
  });
}

export const useFollowUps = () =>
  useQuery({
    queryKey: ['ratings', 'follow-ups'],
    queryFn: () => api<{ items: RatingFollowUp[] }>('/api/v1/ratings/follow-ups'),
  });

export function useCloseFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id: string; note: string }) =>
      api<RatingFollowUp>(`/api/v1/ratings/follow-ups/${enc(p.id)}/close`, {
        method: 'POST',
        body: { note: p.note },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ratings'] }),
  });
}
