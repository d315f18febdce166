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

/** Sends a one-time code to an email address (POST `path` with `{ email }`). */
function useSendEmailCode(path: string) {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      api<z.infer<typeof citizenEmailStartResponse>>(path, { method: 'POST', body }),
  });
}

/** Checks a one-time code (POST `path`); the answer is the signed-in citizen, kept as such. */
function useVerifyEmailCode(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; code: string }) => api<CitizenMe>(path, { method: 'POST', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken, 'citizen');
      qc.setQueryData(CITIZEN_KEY, me);
    },
  });
}

export const useSendSignInCode = () => useSendEmailCode('/api/v1/citizen/auth/email/start');
export const useVerifySignInCode = () => useVerifyEmailCode('/api/v1/citizen/auth/email/verify');
/** A signed-in citizen adding an email to their account (the server's /citizen/email routes). */
export const useSendAddEmailCode = () => useSendEmailCode('/api/v1/citizen/email/start');
export const useVerifyAddEmailCode = () => useVerifyEmailCode('/api/v1/citizen/email/verify');

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
