import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CloseCycleInput, CloseCycleResult, GradeKeyResultInput, KeyResult } from '@keyline/shared';
import { api } from '../../../lib/api';
import { dashboardKeys, invalidateOkrData } from '../../../lib/query-keys';

/** Grades and closes change what the OKR screens, the dashboard and the backlog's links show. */
function refreshAfterLifecycle(client: QueryClient): Promise<unknown> {
  return Promise.all([invalidateOkrData(client), client.invalidateQueries({ queryKey: dashboardKeys.all })]);
}

export function useGradeKeyResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id: string; version: number; input: GradeKeyResultInput }) =>
      api<KeyResult>('PUT', `/api/key-results/${id}/grade`, { body: input, version }),
    // Not awaited: the row remounts when the refetched KR arrives, and the caller's toast must fire first.
    onSuccess: () => {
      void refreshAfterLifecycle(client);
    },
  });
}

export function useCloseCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id: string; version: number; input: CloseCycleInput }) =>
      api<CloseCycleResult>('POST', `/api/cycles/${id}/close`, { body: input, version }),
    onSuccess: () => refreshAfterLifecycle(client),
  });
}
