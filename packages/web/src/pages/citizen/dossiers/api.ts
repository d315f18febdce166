import type {
  citizenDossierListResponse,
  citizenDossierResponse,
  citizenNotificationPreferences,
  citizenSupplementAnswer,
  citizenWithdrawalBody,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../api/client.ts';

/** "My dossiers" of the signed-in citizen, as the server answers them (types from core's schemas). */
export type CitizenDossierList = z.infer<typeof citizenDossierListResponse>;
export type CitizenDossierView = z.infer<typeof citizenDossierResponse>;

export function useMyDossiers() {
  return useQuery({
    queryKey: ['citizen', 'dossiers'],
    queryFn: () => api<CitizenDossierList>('/api/v1/citizen/dossiers'),
  });
}

export function useMyDossier(id: string) {
  return useQuery({
    queryKey: ['citizen', 'dossiers', id],
    queryFn: () => api<CitizenDossierView>(`/api/v1/citizen/dossiers/${id}`),
  });
}

export type CitizenPreferences = z.infer<typeof citizenNotificationPreferences>;

export function usePreferences() {
  return useQuery({
    queryKey: ['citizen', 'preferences'],
    queryFn: () => api<CitizenPreferences>('/api/v1/citizen/notification-preferences'),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CitizenPreferences) =>
      api<CitizenPreferences>('/api/v1/citizen/notification-preferences', { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(['citizen', 'preferences'], saved),
  });
}

export type SupplementAnswer = z.infer<typeof citizenSupplementAnswer>;
export type WithdrawalBody = z.infer<typeof citizenWithdrawalBody>;

/** Sends one file per item asked for (multipart, field `item_<number>`), then reloads the dossier. */
export function useSendSupplement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (files: Map<number, File>) => {
      const form = new FormData();
      for (const [number, file] of files) form.append(`item_${number}`, file, file.name);
      return api<SupplementAnswer>(`/api/v1/citizen/dossiers/${id}/supplement`, {
        method: 'POST',
        body: form,
      });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['citizen', 'dossiers'] }),
  });
}

/** Asks the agency to withdraw the dossier, with the version the citizen saw. */
export function useRequestWithdrawal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawalBody) =>
      api<undefined>(`/api/v1/citizen/dossiers/${id}/withdrawal`, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['citizen', 'dossiers'] }),
  });
}
