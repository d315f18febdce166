import type {
  bankAccountListResponse,
  exemptionBody,
  feeRequestListResponse,
  ReconciliationView,
  recordPaymentBody,
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

export type FeeRequestList = z.infer<typeof feeRequestListResponse>;
export type RecordPayment = z.infer<typeof recordPaymentBody>;
export type Exemption = z.infer<typeof exemptionBody>;

export const useDossierFees = (dossierId: string) =>
  useQuery({
    queryKey: ['fees', 'dossier', dossierId],
    queryFn: () => api<FeeRequestList>(`${FEES}/dossiers/${enc(dossierId)}/requests`),
  });

/** Asks the fee, exempts or records a payment; the dossier and its fees are read again after. */
export function useFeeAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { path: string; body: unknown }) =>
      api<unknown>(`${FEES}${p.path}`, { method: 'POST', body: p.body }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['fees'] }),
        qc.invalidateQueries({ queryKey: ['staff', 'dossier'] }),
      ]),
  });
}

export const feeQrUrl = (requestId: string) => `${FEES}/requests/${enc(requestId)}/vietqr.png`;
export const receiptUrl = (paymentId: string) => `${FEES}/payments/${enc(paymentId)}/receipt.pdf`;
