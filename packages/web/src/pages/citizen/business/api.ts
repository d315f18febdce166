import type { actingAsBody, CitizenBusinesses, declareBusinessBody } from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../api/client.ts';

/** The businesses the signed-in person represents and whom the session acts as (types from core). */
export const BUSINESSES_KEY = ['citizen', 'businesses'] as const;

export function useBusinesses() {
  return useQuery({
    queryKey: BUSINESSES_KEY,
    queryFn: () => api<CitizenBusinesses>('/api/v1/citizen/businesses'),
  });
}

export function useDeclareBusiness() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof declareBusinessBody>) =>
      api<CitizenBusinesses>('/api/v1/citizen/businesses', { method: 'POST', body }),
    onSuccess: (answer) => qc.setQueryData(BUSINESSES_KEY, answer),
  });
}

/** Acting as changes what every citizen page shows: everything of the citizen is read again. */
export function useChooseActingAs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof actingAsBody>) =>
      api<CitizenBusinesses>('/api/v1/citizen/acting-as', { method: 'PUT', body }),
    onSuccess: async (answer) => {
      qc.setQueryData(BUSINESSES_KEY, answer);
      await qc.invalidateQueries({ queryKey: ['citizen'], predicate: (q) => q.queryKey[1] !== 'businesses' });
    },
  });
}
