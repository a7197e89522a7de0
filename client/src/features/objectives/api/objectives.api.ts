import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateCycleInput,
  CreateObjectiveInput,
  Cycle,
  Objective,
  Team,
  UpdateCycleInput,
  UpdateObjectiveInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { invalidateOkrData, okrKeys } from '../../../lib/query-keys';

export const useCycles = () =>
  useQuery({ queryKey: okrKeys.cycles, queryFn: ({ signal }) => apiGet<Cycle[]>('/api/cycles', signal) });

export const useObjectives = (cycleId: string | null) =>
  useQuery({
    queryKey: okrKeys.objectives(cycleId ?? ''),
    queryFn: ({ signal }) => apiGet<Objective[]>(`/api/objectives?cycleId=${cycleId}`, signal),
    enabled: Boolean(cycleId),
  });

export const useTeams = () =>
  useQuery({
    queryKey: okrKeys.teams,
    queryFn: ({ signal }) => apiGet<Team[]>('/api/teams', signal),
    staleTime: 60_000,
  });

export function useCreateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCycleInput) => api<Cycle>('POST', '/api/cycles', { body: input }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useUpdateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateCycleInput }) =>
      api<Cycle>('PATCH', `/api/cycles/${id}`, { body: changes, version }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useCreateObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateObjectiveInput) => api<Objective>('POST', '/api/objectives', { body: input }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useUpdateObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateObjectiveInput }) =>
      api<Objective>('PATCH', `/api/objectives/${id}`, { body: changes, version }),
    onSuccess: () => invalidateOkrData(client),
  });
}

export function useDeleteObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/objectives/${id}`, { version }),
    onSuccess: () => invalidateOkrData(client),
  });
}
