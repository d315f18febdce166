import type { ProcedureContent, ProcedureStatus, Role, UnitKind } from '@motcua/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api } from './client.ts';
import type {
  AdminProcedureDetail,
  AdminProcedureRow,
  AdminUser,
  ImportResult,
  Page,
  ProcedureValidation,
  RoleGrant,
  Unit,
} from './types.ts';

/** Every admin query key starts with 'admin', so that signing out can forget them all. */

export function useUnits() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['admin', 'units', locale],
    queryFn: () => api<{ items: Unit[] }>('/api/v1/admin/units'),
  });
}

export interface CreateUnitBody {
  parentId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  shortName?: string;
  effectiveFrom: string;
}

export interface UpdateUnitBody {
  name?: string;
  shortName?: string | null;
  code?: string;
  effectiveTo?: string | null;
  successorId?: string | null;
}

export function useUnitMutations() {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: ['admin', 'units'] });
  const create = useMutation({
    mutationFn: (body: CreateUnitBody) => api<Unit>('/api/v1/admin/units', { method: 'POST', body }),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUnitBody }) =>
      api<Unit>(`/api/v1/admin/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
  return { create, update };
}

export function useUsers(q: string) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['admin', 'users', q, locale],
    queryFn: ({ signal }) => api<{ items: AdminUser[] }>('/api/v1/admin/users', { query: { q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CreateUserBody {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  roles: RoleGrant[];
}

export interface UpdateUserBody {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  roles?: { role: Role; unitId: string }[];
  password?: string;
  unlock?: boolean;
}

export function useUserMutations() {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: ['admin', 'users'] });
  const create = useMutation({
    mutationFn: (body: CreateUserBody) => api<AdminUser>('/api/v1/admin/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api<AdminUser>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
  return { create, update };
}

export interface AdminProcedureQuery {
  q: string;
  status: ProcedureStatus | '';
  page: number;
}

export function useAdminProcedures(query: AdminProcedureQuery, pageSize = 50) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['admin', 'procedures', query, pageSize, locale],
    queryFn: ({ signal }) =>
      api<Page<AdminProcedureRow>>('/api/v1/admin/procedures', { query: { ...query, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminProcedure(id: string | undefined) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['admin', 'procedure', id, locale],
    queryFn: ({ signal }) =>
      api<AdminProcedureDetail>(`/api/v1/admin/procedures/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

/** A check without saving (POST /admin/procedures/validate). */
export type ValidateResult = ProcedureValidation;

export function useProcedureMutations() {
  const qc = useQueryClient();
  const settle = (detail: AdminProcedureDetail) => {
    qc.setQueriesData({ queryKey: ['admin', 'procedure', detail.id] }, detail);
    void qc.invalidateQueries({ queryKey: ['admin', 'procedures'] });
    // The public catalogue may have changed too.
    void qc.invalidateQueries({ queryKey: ['procedures'] });
    void qc.invalidateQueries({ queryKey: ['procedure', detail.id] });
    void qc.invalidateQueries({ queryKey: ['fields'] });
  };
  const create = useMutation({
    mutationFn: (content: ProcedureContent) =>
      api<AdminProcedureDetail>('/api/v1/admin/procedures', { method: 'POST', body: { content } }),
    onSuccess: settle,
  });
  const saveDraft = useMutation({
    mutationFn: ({ id, content }: { id: string; content: ProcedureContent }) =>
      api<AdminProcedureDetail>(`/api/v1/admin/procedures/${encodeURIComponent(id)}/draft`, {
        method: 'PUT',
        body: { content },
      }),
    onSuccess: settle,
  });
  const publish = useMutation({
    mutationFn: ({ id, effectiveFrom }: { id: string; effectiveFrom?: string }) =>
      api<AdminProcedureDetail>(`/api/v1/admin/procedures/${encodeURIComponent(id)}/publish`, {
        method: 'POST',
        body: effectiveFrom ? { effectiveFrom } : {},
      }),
    onSuccess: settle,
  });
  const abolish = useMutation({
    mutationFn: ({ id, effectiveTo }: { id: string; effectiveTo?: string }) =>
      api<AdminProcedureDetail>(`/api/v1/admin/procedures/${encodeURIComponent(id)}/abolish`, {
        method: 'POST',
        body: effectiveTo ? { effectiveTo } : {},
      }),
    onSuccess: settle,
  });
  const validate = useMutation({
    mutationFn: (content: ProcedureContent) =>
      api<ValidateResult>('/api/v1/admin/procedures/validate', { method: 'POST', body: { content } }),
  });
  return { create, saveDraft, publish, abolish, validate };
}

export function useCatalogueImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<ImportResult>('/api/v1/admin/catalogue/import', {
        method: 'POST',
        query: { dryRun: dryRun ? 'true' : 'false' },
        body: form,
      });
    },
    onSuccess: (_r, { dryRun }) => {
      if (!dryRun) {
        void qc.invalidateQueries({ queryKey: ['admin', 'procedures'] });
        void qc.invalidateQueries({ queryKey: ['procedures'] });
        void qc.invalidateQueries({ queryKey: ['fields'] });
      }
    },
  });
}
