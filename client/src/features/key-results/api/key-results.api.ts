import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CheckIn,
  CreateCheckInInput,
  CreateKeyResultInput,
  KeyResult,
  UpdateKeyResultInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { checkInKeys, invalidateOkrData, keyResultKeys, type OkrListFilters } from '../../../lib/query-keys';

const keyResultPath = (id: string) => `/api/key-results/${encodeURIComponent(id)}`;
const search = (filters: OkrListFilters) => (filters.cycleId ? `?cycleId=${encodeURIComponent(filters.cycleId)}` : '');

/** The only wrappers of /api/key-results and its check-ins (a KR's check-ins are read and written through it). */
export const keyResultsApi = {
  list: (filters: OkrListFilters, signal?: AbortSignal) =>
    apiGet<KeyResult[]>(`/api/key-results${search(filters)}`, signal),
  get: (id: string, signal?: AbortSignal) => apiGet<KeyResult>(keyResultPath(id), signal),
  create: (input: CreateKeyResultInput) => api<KeyResult>('POST', '/api/key-results', { body: input }),
  update: (id: string, version: number, changes: UpdateKeyResultInput) =>
    api<KeyResult>('PATCH', keyResultPath(id), { body: changes, version }),
  remove: (id: string, version: number) => api<void>('DELETE', keyResultPath(id), { version }),
  checkIns: (id: string, signal?: AbortSignal) => apiGet<CheckIn[]>(`${keyResultPath(id)}/check-ins`, signal),
  checkIn: (id: string, input: CreateCheckInInput) =>
    api<CheckIn>('POST', `${keyResultPath(id)}/check-ins`, { body: input }),
};

/** One cycle's key results; `null` waits for a cycle. */
export const useCycleKeyResults = (cycleId: string | null) =>
  useQuery({
    queryKey: keyResultKeys.list({ cycleId: cycleId ?? '' }),
    queryFn: ({ signal }) => keyResultsApi.list({ cycleId: cycleId ?? '' }, signal),
    enabled: Boolean(cycleId),
  });

/** Every live key result (a few hundred at most): chips and titles for links to earlier quarters too. */
export const useAllKeyResults = (options: { staleTime?: number; enabled?: boolean } = {}) =>
  useQuery({ queryKey: keyResultKeys.list({}), queryFn: ({ signal }) => keyResultsApi.list({}, signal), ...options });

export const useKeyResult = (id: string) =>
  useQuery({ queryKey: keyResultKeys.detail(id), queryFn: ({ signal }) => keyResultsApi.get(id, signal) });

export const useCheckIns = (id: string) =>
  useQuery({ queryKey: checkInKeys.list(id), queryFn: ({ signal }) => keyResultsApi.checkIns(id, signal) });

export function useCreateKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyResultInput) => keyResultsApi.create(input),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useUpdateKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateKeyResultInput }) =>
      keyResultsApi.update(id, version, changes),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useDeleteKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => keyResultsApi.remove(id, version),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useCreateCheckIn(keyResultId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCheckInInput) => keyResultsApi.checkIn(keyResultId, input),
    onSuccess: () => invalidateOkrData(client),
  });
}
