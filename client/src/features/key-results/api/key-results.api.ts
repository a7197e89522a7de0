import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditEvent,
  BacklogItem,
  CheckIn,
  CreateCheckInInput,
  CreateKeyResultInput,
  Cycle,
  KeyResult,
  Objective,
  Page,
  UpdateKeyResultInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { invalidateOkrData, okrKeys } from '../../../lib/query-keys';

export const useCycleKeyResults = (cycleId: string | null) =>
  useQuery({
    queryKey: okrKeys.keyResults(cycleId ?? ''),
    queryFn: ({ signal }) => apiGet<KeyResult[]>(`/api/key-results?cycleId=${cycleId}`, signal),
    enabled: Boolean(cycleId),
  });

export const useKeyResult = (id: string) =>
  useQuery({
    queryKey: okrKeys.keyResult(id),
    queryFn: ({ signal }) => apiGet<KeyResult>(`/api/key-results/${id}`, signal),
  });

export const useObjective = (id: string | undefined) =>
  useQuery({
    queryKey: okrKeys.objective(id ?? ''),
    queryFn: ({ signal }) => apiGet<Objective>(`/api/objectives/${id}`, signal),
    enabled: Boolean(id),
  });

export const useCycle = (id: string | undefined) =>
  useQuery({
    queryKey: okrKeys.cycle(id ?? ''),
    queryFn: ({ signal }) => apiGet<Cycle>(`/api/cycles/${id}`, signal),
    enabled: Boolean(id),
  });

export const useCheckIns = (id: string) =>
  useQuery({
    queryKey: okrKeys.checkIns(id),
    queryFn: ({ signal }) => apiGet<CheckIn[]>(`/api/key-results/${id}/check-ins`, signal),
  });

/** The newest 100 events about the KR and its comments: plenty for one trail; the total says when there are more. */
export const useKeyResultAudit = (id: string) =>
  useQuery({
    queryKey: okrKeys.audit(id),
    queryFn: ({ signal }) => apiGet<Page<AuditEvent>>(`/api/audit-events?about=${id}&limit=100`, signal),
  });

export const useLinkedItems = (id: string) =>
  useQuery({
    queryKey: okrKeys.linkedItems(id),
    queryFn: ({ signal }) => apiGet<Page<BacklogItem>>(`/api/backlog-items?keyResultId=${id}&limit=100`, signal),
  });

export function useCreateKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyResultInput) => api<KeyResult>('POST', '/api/key-results', { body: input }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useUpdateKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateKeyResultInput }) =>
      api<KeyResult>('PATCH', `/api/key-results/${id}`, { body: changes, version }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useDeleteKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/key-results/${id}`, { version }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useCreateCheckIn(keyResultId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCheckInInput) =>
      api<CheckIn>('POST', `/api/key-results/${keyResultId}/check-ins`, { body: input }),
    onSuccess: () => invalidateOkrData(client),
  });
}
