import type { ScoringSettings } from '@keyline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/Notifier';
import { outcomeKeys, refreshAllItemViews, scoringSettingsKeys } from '../../../lib/query-keys';
import { backlogItemPageQuery } from '../../backlog/api/backlog-items.api';
import type { BacklogPage } from '../../backlog/api/types';
import { outcomesApi } from '../../outcomes/api/outcomes.api';
import { PREVIEW_SAMPLE_QUERY, scoringSettingsApi, type VersionedScoringSettings } from '../api/scoring-settings.api';
import { FRAMEWORK_LABELS } from '../utils/frameworks';

export function useScoringSettings() {
  return useQuery({ queryKey: scoringSettingsKeys.settings, queryFn: ({ signal }) => scoringSettingsApi.get(signal) });
}

/**
 * The teams' track records (GET /api/outcomes carries them), for previewing
 * calibrated confidence. Under the 'outcomes' key, so whatever refreshes the
 * outcome figures refreshes these too.
 */
export function useTrackRecords(enabled: boolean) {
  return useQuery({
    queryKey: outcomeKeys.trackRecords(),
    queryFn: async ({ signal }) => {
      const report = await outcomesApi.report({}, signal, { limit: '1' });
      return new Map(report.trackRecords.map((r) => [r.teamId, { hits: r.hits, judged: r.judged }]));
    },
    enabled,
    staleTime: 30_000,
  });
}

export function usePreviewSample() {
  return useQuery({
    ...backlogItemPageQuery(PREVIEW_SAMPLE_QUERY),
    select: (page: BacklogPage) => page.items,
    staleTime: 30_000,
  });
}

/** Saving re-scores everything on the server, so every list and figure that shows a score is refetched. */
export function useSaveScoringSettings(onSaved: (saved: VersionedScoringSettings) => void) {
  const client = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: ({ version, settings }: { version: number; settings: ScoringSettings }) =>
      scoringSettingsApi.save(version, settings),
    onSuccess: async (saved) => {
      client.setQueryData(scoringSettingsKeys.settings, saved);
      onSaved(saved);
      notify({
        kind: 'success',
        message: `Scoring saved. The backlog is re-ranked by ${FRAMEWORK_LABELS[saved.settings.framework]}.`,
      });
      await refreshAllItemViews(client);
    },
  });
}
