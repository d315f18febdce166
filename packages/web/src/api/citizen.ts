import type { CitizenAuthMethods, CitizenMe, citizenEmailStartResponse } from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError, setCsrfToken } from './client.ts';

/** Citizen sign-in and the signed-in citizen (công dân). */
export const CITIZEN_KEY = ['citizen', 'me'] as const;
export const OIDC_START_URL = '/api/v1/citizen/auth/oidc/start';

async function fetchCitizen(): Promise<CitizenMe | null> {
  try {
    const me = await api<CitizenMe>('/api/v1/citizen/me');
    setCsrfToken(me.csrfToken, 'citizen');
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useCitizen() {
  return useQuery({ queryKey: CITIZEN_KEY, queryFn: fetchCitizen, retry: false, staleTime: 5 * 60_000 });
}

export function useCitizenAuthMethods() {
  return useQuery({
    queryKey: ['citizen', 'methods'],
    queryFn: () => api<CitizenAuthMethods>('/api/v1/citizen/auth/methods'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSendSignInCode() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      api<z.infer<typeof citizenEmailStartResponse>>('/api/v1/citizen/auth/email/start', {
        method: 'POST',
        body,
      }),
  });
}

export function useVerifySignInCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; code: string }) =>
      api<CitizenMe>('/api/v1/citizen/auth/email/verify', { method: 'POST', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken, 'citizen');
      qc.setQueryData(CITIZEN_KEY, me);
    },
  });
}

export function useCitizenSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/citizen/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null, 'citizen');
      qc.setQueryData(CITIZEN_KEY, null);
    },
  });
}
