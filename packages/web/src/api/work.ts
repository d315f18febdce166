import type { DossierAction } from '@motcua/core';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api } from './client.ts';
import type { DossierDocument, DossierListItem, Page } from './types.ts';

/** What the leader reads before approving: the draft result, the steps' notes, the documents. */
export interface ApprovalBrief {
  draft: DossierDocument[];
  notes: ApprovalNote[];
  documents: DossierDocument[];
}

export interface ApprovalNote {
  seq: number;
  at: string;
  actorName: string;
  action: DossierAction;
  title: string;
  stepName: string | null;
  roleLabel: string | null;
  text: string | null;
}

export type ApprovalItem = DossierListItem & { approval: ApprovalBrief };

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
