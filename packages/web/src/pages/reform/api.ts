import type {
  ReformInspectionList,
  ReformPlan,
  ReformPlanDetail,
  ReformStanding,
  ReformTarget,
  ReformTask,
  ReformTaskDetail,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newUuid, upload } from '../../api/client.ts';

/** The reform office's API (/api/v1/reform), as the pages use it. The server computes every figure. */

/** The answers' types are core's schemas (api/reform.ts), which the server checks every body against. */
export type Plan = ReformPlan;
export type Target = ReformTarget;
export type MonthPoint = Target['standing']['trend'][number];
export type PlanDetail = ReformPlanDetail;
export type Task = ReformTask;
export type TaskDetail = ReformTaskDetail;
export type UnitStanding = ReformStanding['units'][number];
export type InspectionList = ReformInspectionList;

const BASE = '/api/v1/reform';
const keys = {
  plans: ['reform', 'plans'] as const,
  plan: (id: string) => ['reform', 'plan', id] as const,
  tasks: (id: string) => ['reform', 'tasks', id] as const,
  standing: (id: string) => ['reform', 'standing', id] as const,
  task: (id: string) => ['reform', 'task', id] as const,
  inspections: (id: string) => ['reform', 'inspections', id] as const,
};

export const usePlans = () =>
  useQuery({ queryKey: keys.plans, queryFn: () => api<{ items: Plan[] }>(`${BASE}/plans`) });
export const usePlan = (id: string) =>
  useQuery({
    queryKey: keys.plan(id),
    queryFn: () => api<PlanDetail>(`${BASE}/plans/${encodeURIComponent(id)}`),
  });
export const useTasks = (id: string) =>
  useQuery({
    queryKey: keys.tasks(id),
    queryFn: () => api<{ items: Task[] }>(`${BASE}/plans/${encodeURIComponent(id)}/tasks`),
  });
export const useStanding = (id: string) =>
  useQuery({
    queryKey: keys.standing(id),
    queryFn: () => api<ReformStanding>(`${BASE}/plans/${encodeURIComponent(id)}/standing`),
  });
export const useTask = (id: string) =>
  useQuery({
    queryKey: keys.task(id),
    queryFn: () => api<TaskDetail>(`${BASE}/tasks/${encodeURIComponent(id)}`),
  });
export const useInspections = (id: string) =>
  useQuery({
    queryKey: keys.inspections(id),
    queryFn: () => api<InspectionList>(`${BASE}/plans/${encodeURIComponent(id)}/inspections`),
  });

/** Every reform query is read again after a change: the server recomputes the figures. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['reform'] });
}

/** A change sent with an Idempotency-Key fixed per form, so a double submit creates one thing. */
export function useReformPost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, body, key }: { path: string; body: unknown; key: string }) =>
      api<{ id: string }>(`${BASE}${path}`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
    onSuccess: refresh,
  });
}

export function useReformUpload() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, form }: { path: string; form: FormData }) =>
      upload<{ id: string }>(`${BASE}${path}`, form),
    onSuccess: refresh,
  });
}

export function useIssuePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: { id: string; version: number }) =>
      api<Plan>(`${BASE}/plans/${encodeURIComponent(p.id)}/issue`, {
        method: 'POST',
        body: { version: p.version },
      }),
    onSuccess: refresh,
  });
}

export function useRecordInspection() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: { id: string; version: number; doneOn: string; conclusion: string }) =>
      api<{ id: string }>(`${BASE}/inspections/${encodeURIComponent(p.id)}`, {
        method: 'PUT',
        body: { version: p.version, doneOn: p.doneOn, conclusion: p.conclusion },
      }),
    onSuccess: refresh,
  });
}

export const freshKey = newUuid;
