import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateObjectiveInput, Objective, UpdateObjectiveInput } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { invalidateOkrData, objectiveKeys, type OkrListFilters } from '../../../lib/query-keys';

const objectivePath = (id: string) => `/api/objectives/${encodeURIComponent(id)}`;
const search = (filters: OkrListFilters) => (filters.cycleId ? `?cycleId=${encodeURIComponent(filters.cycleId)}` : '');

/** The only wrappers of /api/objectives. */
export const objectivesApi = {
  list: (filters: OkrListFilters, signal?: AbortSignal) =>
    apiGet<Objective[]>(`/api/objectives${search(filters)}`, signal),
  get: (id: string, signal?: AbortSignal) => apiGet<Objective>(objectivePath(id), signal),
  create: (input: CreateObjectiveInput) => api<Objective>('POST', '/api/objectives', { body: input }),
  update: (id: string, version: number, changes: UpdateObjectiveInput) =>
    api<Objective>('PATCH', objectivePath(id), { body: changes, version }),
  remove: (id: string, version: number) => api<void>('DELETE', objectivePath(id), { version }),
};

/** One cycle's objectives; `null` waits for a cycle. */
export const useObjectives = (cycleId: string | null) =>
  useQuery({
    queryKey: objectiveKeys.list({ cycleId: cycleId ?? '' }),
    queryFn: ({ signal }) => objectivesApi.list({ cycleId: cycleId ?? '' }, signal),
    enabled: Boolean(cycleId),
  });

/** Every live objective (a few hundred at most): names for links to earlier quarters too. */
export const useAllObjectives = (options: { staleTime?: number } = {}) =>
  useQuery({ queryKey: objectiveKeys.list({}), queryFn: ({ signal }) => objectivesApi.list({}, signal), ...options });

export const useObjective = (id: string | undefined) =>
  useQuery({
    queryKey: objectiveKeys.detail(id ?? ''),
    queryFn: ({ signal }) => objectivesApi.get(id as string, signal),
    enabled: Boolean(id),
  });

export function useCreateObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateObjectiveInput) => objectivesApi.create(input),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useUpdateObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateObjectiveInput }) =>
      objectivesApi.update(id, version, changes),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useDeleteObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => objectivesApi.remove(id, version),
    onSuccess: () => invalidateOkrData(client),
  });
}
