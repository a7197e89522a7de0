import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplyPlanResult, PlannerResult } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { plannerKeys, refreshAllItemViews } from '../../../lib/query-keys';
import { plannerPath, type Overrides } from '../utils/planner-state';

export interface PlanParams {
  cycleId: string | null;
  teamId: string | null;
  capacity: number;
  overrides: Overrides;
}

/** Both plans for these settings; the previous figures stay on screen while new ones load (docs/UI.md, "Interaction"). */
export const usePlan = (params: PlanParams | null) =>
  useQuery({
    queryKey: plannerKeys.plan(params),
    queryFn: ({ signal }) => apiGet<PlannerResult>(plannerPath(params as PlanParams), signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });

/** Writes the plan as the new rank order: these items move to the top, in this order; nothing else moves. */
export function useApplyPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (itemIds: string[]) => api<ApplyPlanResult>('POST', '/api/planner/apply', { body: { itemIds } }),
    onSuccess: () => refreshAllItemViews(client),
  });
}
