import type { Role } from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in staff member, or null. Disabled, it still answers from what is already known. */
export function useSession(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
    enabled: options.enabled ?? true,
  });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api<Session>('/api/v1/auth/login', { method: 'POST', body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'admin' || q.queryKey[0] === 'staff' });
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('/api/v1/auth/password', { method: 'POST', body }),
    onSuccess: async () => {
      qc.setQueryData<Session | null>(SESSION_KEY, (s) =>
        s ? { ...s, user: { ...s.user, mustChangePassword: false } } : s,
      );
      // The server may rotate the session (and its CSRF token) on a password change.
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function hasAnyRole(session: Session | null | undefined, roles: readonly Role[]): boolean {
  return !!session?.roles.some((r) => roles.includes(r.role));
}
