import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Connection,
  ConnectionTest,
  CreateConnectionInput,
  RunMode,
  SyncRun,
  UpdateConnectionInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { integrationKeys, refreshAllItemViews } from '../../../lib/query-keys';

const path = (id: string) => `/api/integrations/${encodeURIComponent(id)}`;

/** While a run is going, the list refreshes every 2 s so its counters move. */
export const useConnections = () =>
  useQuery({
    queryKey: integrationKeys.all,
    queryFn: ({ signal }) => apiGet<Connection[]>('/api/integrations', signal),
    refetchInterval: (query) => (query.state.data?.some((c) => c.lastRun?.state === 'running') ? 2_000 : false),
  });

export const useRuns = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: integrationKeys.runs(id),
    queryFn: ({ signal }) => apiGet<SyncRun[]>(`${path(id)}/runs?limit=10`, signal),
    enabled,
    refetchInterval: (query) => (query.state.data?.[0]?.state === 'running' ? 2_000 : false),
  });

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: integrationKeys.all });
}

export function useCreateConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateConnectionInput) => api<Connection>('POST', '/api/integrations', { body: input }),
    onSettled: invalidate,
  });
}

export function useUpdateConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ connection, changes }: { connection: Connection; changes: UpdateConnectionInput }) =>
      api<Connection>('PATCH', path(connection.id), { body: changes, version: connection.version }),
    onSettled: invalidate,
  });
}

export function useDeleteConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (connection: Connection) => api<void>('DELETE', path(connection.id), { version: connection.version }),
    onSettled: invalidate,
  });
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (connection: Connection) => api<ConnectionTest>('POST', `${path(connection.id)}/test`),
  });
}

export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ connection, mode }: { connection: Connection; mode?: RunMode }) =>
      api<SyncRun>('POST', `${path(connection.id)}/sync`, { body: mode ? { mode } : {} }),
    onSettled: (_run, _error, { connection }) => {
      void client.invalidateQueries({ queryKey: integrationKeys.all });
      void client.invalidateQueries({ queryKey: integrationKeys.runs(connection.id) });
      // New and changed items show in every backlog view.
      void refreshAllItemViews(client);
    },
  });
}
