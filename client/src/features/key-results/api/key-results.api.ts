import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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

/** Query keys for OKR data. Every screen that shows KRs, objectives or cycles reads through these. */
export const okrKeys = {
  cycles: ['cycles'] as const,
  cycle: (id: string) => ['cycles', id] as const,
  objectives: (cycleId: string) => ['objectives', { cycleId }] as const,
  objective: (id: string) => ['objectives', id] as const,
  keyResults: (cycleId: string) => ['key-results', { cycleId }] as const,
  keyResult: (id: string) => ['key-results', id] as const,
  checkIns: (id: string) => ['check-ins', id] as const,
  audit: (id: string) => ['audit-events', 'keyResult', id] as const,
  linkedItems: (id: string) => ['backlog-items', { keyResultId: id }] as const,
  teams: ['teams'] as const,
};

/**
 * A KR change moves its objective's rolled-up progress, the tree, the detail
 * header, the history and the audit trail: refetch them all (they are small).
 */
export function invalidateOkrData(client: QueryClient): Promise<void> {
  return Promise.all(
    ['cycles', 'objectives', 'key-results', 'check-ins', 'audit-events', 'backlog-items', 'outcomes'].map((key) =>
      client.invalidateQueries({ queryKey: [key] }),
    ),
  ).then(() => undefined);
}

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
