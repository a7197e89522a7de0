import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCycleInput, Cycle, UpdateCycleInput } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { cycleKeys, invalidateOkrData } from '../../../lib/query-keys';

const cyclePath = (id: string) => `/api/cycles/${encodeURIComponent(id)}`;

/** GET, POST and PATCH /api/cycles: the only wrappers of these calls. */
export const cyclesApi = {
  list: (signal?: AbortSignal) => apiGet<Cycle[]>('/api/cycles', signal),
  get: (id: string, signal?: AbortSignal) => apiGet<Cycle>(cyclePath(id), signal),
  create: (input: CreateCycleInput) => api<Cycle>('POST', '/api/cycles', { body: input }),
  update: (id: string, version: number, changes: UpdateCycleInput) =>
    api<Cycle>('PATCH', cyclePath(id), { body: changes, version }),
};

/** Every cycle (a handful a year): the cycle bar, filters, the backlog's chips, exports. */
export const useCycles = (options: { staleTime?: number } = {}) =>
  useQuery({ queryKey: cycleKeys.lists(), queryFn: ({ signal }) => cyclesApi.list(signal), ...options });

export const useCycle = (id: string | undefined) =>
  useQuery({
    queryKey: cycleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => cyclesApi.get(id as string, signal),
    enabled: Boolean(id),
  });

export function useCreateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCycleInput) => cyclesApi.create(input),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useUpdateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateCycleInput }) =>
      cyclesApi.update(id, version, changes),
    onSuccess: () => invalidateOkrData(client),
  });
}
