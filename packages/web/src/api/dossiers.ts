import type { CalendarSettings, DossierAction, DossierState, Weekday } from '@motcua/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api, upload } from './client.ts';
import type {
  AdminCalendar,
  Assignee,
  AttachedDocument,
  CalendarOverrideItem,
  CreateDossierBody,
  DocumentKind,
  DossierDetail,
  DossierListItem,
  DossierLookup,
  Page,
  WorkCount,
  WorkSummary,
} from './types.ts';

/**
 * Dossier queries start with 'staff' (and the calendar administration with 'admin'), so that
 * signing out forgets them all.
 */

export interface DossierQuery {
  q?: string;
  state?: DossierState | '';
  assignee?: 'me' | '';
  overdue?: boolean;
  risk?: 'at_risk';
  dueToday?: boolean;
  open?: boolean;
  sort?: 'due' | '-due' | 'received' | '-received';
  page?: number;
  pageSize?: number;
}

export function useDossiers(query: DossierQuery, options: { enabled?: boolean } = {}) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['staff', 'dossiers', query, locale],
    queryFn: ({ signal }) =>
      api<Page<DossierListItem>>('/api/v1/dossiers', {
        query: {
          q: query.q,
          state: query.state,
          assignee: query.assignee,
          overdue: query.overdue ? 'true' : undefined,
          risk: query.risk,
          dueToday: query.dueToday ? 'true' : undefined,
          open: query.open === undefined ? undefined : String(query.open),
          sort: query.sort,
          page: query.page,
          pageSize: query.pageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchInterval: 60_000,
  });
}

/** One count of the home's work summary, with the queue address (query string) it links to. */
export type { WorkCount };

export function useWorkSummary(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'summary'],
    queryFn: ({ signal }) => api<WorkSummary>('/api/v1/dossiers/summary', { signal }),
    enabled,
  });
}

export function dossierKey(id: string, locale: string) {
  return ['staff', 'dossier', id, locale] as const;
}

export function useDossier(id: string) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: dossierKey(id, locale),
    queryFn: ({ signal }) => api<DossierDetail>(`/api/v1/dossiers/${encodeURIComponent(id)}`, { signal }),
    enabled: !!id,
    // The time left is the server's: fetched again each minute rather than recomputed here.
    refetchInterval: 60_000,
  });
}

/** Receives (or refuses) a dossier at the counter; the key makes a retry create one dossier only. */
export function useCreateDossier() {
  const qc = useQueryClient();
  const { locale } = useI18n();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateDossierBody; key: string }) =>
      api<DossierDetail>('/api/v1/dossiers', { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
    onSuccess: (detail) => {
      qc.setQueryData(dossierKey(detail.id, locale), detail);
      void qc.invalidateQueries({ queryKey: ['staff', 'dossiers'] });
    },
  });
}

export interface ActionRequest {
  id: string;
  action: DossierAction;
  version: number;
  input: Record<string, unknown>;
  /** One per submission of a form, so that a retry does not act twice. */
  key: string;
}

export function useDossierAction() {
  const qc = useQueryClient();
  const { locale } = useI18n();
  return useMutation({
    mutationFn: ({ id, action, version, input, key }: ActionRequest) =>
      api<DossierDetail>(`/api/v1/dossiers/${encodeURIComponent(id)}/actions/${action}`, {
        method: 'POST',
        body: { version, input },
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: (detail) => {
      qc.setQueryData(dossierKey(detail.id, locale), detail);
      void qc.invalidateQueries({ queryKey: ['staff', 'dossiers'] });
    },
  });
}

/** People who can take the current step; the server may not offer this list everywhere. */
export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'assignees', id],
    queryFn: ({ signal }) =>
      api<{ items: Assignee[] }>(`/api/v1/dossiers/${encodeURIComponent(id)}/assignees`, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** A document just attached, as the server answers. */
export type UploadedDocument = AttachedDocument;

export function uploadDocument(
  id: string,
  file: File,
  fields: { name?: string; kind: DocumentKind },
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadedDocument> {
  const form = new FormData();
  // The text fields come first, so that the server reads them before the file.
  if (fields.name) form.append('name', fields.name);
  form.append('kind', fields.kind);
  form.append('file', file, file.name);
  return upload<UploadedDocument>(`/api/v1/dossiers/${encodeURIComponent(id)}/documents`, form, {
    onProgress,
    signal,
  });
}

/** The address of a standard form (01-07) of a dossier. */
export function formUrl(id: string, form: string, ext: 'pdf' | 'docx' = 'pdf'): string {
  return `/api/v1/dossiers/${encodeURIComponent(id)}/forms/${form}.${ext}`;
}

/** Removes an attached document from a dossier (it stays stored; the removal is in the history). */
export function removeDocument(id: string, documentId: string): Promise<{ id: string; removedAt: string }> {
  return api(`/api/v1/dossiers/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`, {
    method: 'DELETE',
  });
}

export function documentUrl(id: string, documentId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`;
}

/** The public lookup by code, for anyone. */
export function useDossierLookup(code: string) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['lookup', code, locale],
    queryFn: ({ signal }) => api<DossierLookup>('/api/v1/dossiers/lookup', { query: { code }, signal }),
    enabled: !!code,
    staleTime: 15_000,
  });
}

export function useAdminCalendar(year: number, agency: string | null) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['admin', 'calendar', year, agency, locale],
    queryFn: ({ signal }) =>
      api<AdminCalendar>('/api/v1/admin/calendar', { query: { year, agency: agency ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The settings an administrator saves; Decision 766's readings stay as they are when left out. */
export type CalendarSettingsBody = {
  weeklyDaysOff: Weekday[];
  workingPeriods: { start: string; end: string }[];
  afternoonCutoff: string;
  supplementLimitDays: number;
} & Partial<Pick<CalendarSettings, 'endComparison' | 'extensionNotice'>>;

export function useCalendarMutations() {
  const qc = useQueryClient();
  const settle = () => {
    void qc.invalidateQueries({ queryKey: ['admin', 'calendar'] });
    void qc.invalidateQueries({ queryKey: ['holidays'] });
  };
  const saveOverrides = useMutation({
    mutationFn: (body: { agencyId: string | null; year: number; overrides: CalendarOverrideItem[] }) =>
      api<unknown>('/api/v1/admin/calendar/overrides', { method: 'PUT', body }),
    onSuccess: settle,
  });
  const saveSettings = useMutation({
    mutationFn: ({ agencyId, settings }: { agencyId: string; settings: CalendarSettingsBody }) =>
      api<unknown>(`/api/v1/admin/calendar/settings/${encodeURIComponent(agencyId)}`, {
        method: 'PUT',
        body: settings,
      }),
    onSuccess: settle,
  });
  const confirmTet = useMutation({
    mutationFn: ({ year, announced }: { year: number; announced: boolean }) =>
      api<unknown>(`/api/v1/admin/calendar/tet/${year}`, { method: 'PUT', body: { announced } }),
    onSuccess: settle,
  });
  return { saveOverrides, saveSettings, confirmTet };
}
