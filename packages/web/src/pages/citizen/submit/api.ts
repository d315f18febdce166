import type { DraftSubmitted, DraftView, EformAnswers, ProcedureByCode } from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/** The citizen's online draft of a procedure: started (or resumed) on opening, saved page by page. */
export function useDraft(procedureId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['citizen', 'draft', procedureId],
    queryFn: () => api<DraftView>('/api/v1/citizen/drafts', { method: 'POST', body: { procedureId } }),
    enabled,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSaveDraft(procedureId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { draftId: string; version: number; answers: EformAnswers; page: string[] }) =>
      api<DraftView>(`/api/v1/citizen/drafts/${procedureId}`, { method: 'PUT', body }),
    onSuccess: (draft) => qc.setQueryData(['citizen', 'draft', procedureId], draft),
  });
}

export function useSubmitDraft(procedureId: string) {
  return useMutation({
    mutationFn: (body: { draftId: string; version: number }) =>
      api<DraftSubmitted>(`/api/v1/citizen/drafts/${procedureId}/submit`, { method: 'POST', body }),
  });
}

/** Uploads (or replaces) the file of one checklist item; the server answers the whole draft. */
export function useUploadDocument(procedureId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ draftId, item, file }: { draftId: string; item: number; file: File }) => {
      const form = new FormData();
      form.append('draftId', draftId);
      form.append('file', file, file.name);
      return api<DraftView>(`/api/v1/citizen/drafts/${procedureId}/documents/${item}`, {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: (draft) => qc.setQueryData(['citizen', 'draft', procedureId], draft),
  });
}

export function useRemoveDocument(procedureId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ draftId, item }: { draftId: string; item: number }) =>
      api<DraftView>(`/api/v1/citizen/drafts/${procedureId}/documents/${item}`, {
        method: 'DELETE',
        query: { draftId },
      }),
    onSuccess: (draft) => qc.setQueryData(['citizen', 'draft', procedureId], draft),
  });
}

/** The procedure an address such as /nop-truc-tuyen/SNV-VL-001 names by its code. */
export function useProcedureByCode(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['procedure', 'by-code', code],
    queryFn: () => api<ProcedureByCode>(`/api/v1/procedures/by-code/${encodeURIComponent(code)}`),
    enabled,
    retry: false,
    staleTime: 5 * 60_000,
  });
}
