import type {
  bankAccountListResponse,
  ReconciliationView,
  resolveLineBody,
  StatementLineView,
  statementImportResponse,
  statementLineListResponse,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload, withQuery } from '../../api/client.ts';

/** Fees as the staff pages use them; every figure is the server's. */

export type { ReconciliationView, StatementLineView };
export type BankAccountList = z.infer<typeof bankAccountListResponse>;
export type StatementImport = z.infer<typeof statementImportResponse>;
export type StatementLineList = z.infer<typeof statementLineListResponse>;
export type ResolveLine = z.infer<typeof resolveLineBody>;

const FEES = '/api/v1/fees';
const enc = encodeURIComponent;

export const useFeeAccounts = () =>
  useQuery({ queryKey: ['fees', 'accounts'], queryFn: () => api<BankAccountList>(`${FEES}/accounts`) });

export function useImportStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { accountId: string; file: File }) => {
      const form = new FormData();
      form.append('file', p.file);
      return upload<StatementImport>(`${FEES}/accounts/${enc(p.accountId)}/statements`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['fees'] }),
  });
}

export const useUnmatchedLines = () =>
  useQuery({
    queryKey: ['fees', 'unmatched'],
    queryFn: () => api<StatementLineList>(`${FEES}/unmatched`),
  });

export function useResolveLine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id: string; body: ResolveLine }) =>
      api<void>(`${FEES}/unmatched/${enc(p.id)}`, { method: 'POST', body: p.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['fees'] }),
  });
}

export const useReconciliation = (accountId: string, day: string) =>
  useQuery({
    queryKey: ['fees', 'reconciliation', accountId, day],
    queryFn: () => api<ReconciliationView>(withQuery(`${FEES}/reconciliation`, { accountId, day })),
    enabled: accountId !== '' && day !== '',
  });
