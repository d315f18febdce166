import type { ApprovalItem } from '@motcua/core';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api } from './client.ts';
import type { DossierListItem, Page } from './types.ts';

/** What the leader reads before approving: the draft result, the steps' notes, the documents. */
export type { ApprovalBrief, ApprovalItem, ApprovalNote } from '@motcua/core';

/** The dossiers awaiting approval, each with its brief. */
export function useApprovals() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['staff', 'dossiers', 'approvals', locale],
    queryFn: ({ signal }) => api<Page<ApprovalItem>>('/api/v1/dossiers/approvals', { signal }),
  });
}

/** A dossier past its date; its `time.remaining` (negative) is the working time since, as core counts it. */
export type OverdueItem = DossierListItem;
