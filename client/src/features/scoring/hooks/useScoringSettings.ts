import type { ScoringSettings } from '@keyline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/Notifier';
import { scoringSettingsApi, scoringSettingsKeys, type VersionedScoringSettings } from '../api/scoring-settings.api';
import { FRAMEWORK_LABELS } from '../utils/frameworks';

export function useScoringSettings() {
  return useQuery({ queryKey: scoringSettingsKeys.settings, queryFn: ({ signal }) => scoringSettingsApi.get(signal) });
}

export function usePreviewSample() {
  return useQuery({
    queryKey: scoringSettingsKeys.previewSample,
    queryFn: ({ signal }) => scoringSettingsApi.previewSample(signal),
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
      await Promise.all([
        client.invalidateQueries({ queryKey: ['backlog'] }),
        client.invalidateQueries({ queryKey: ['alignment'] }),
      ]);
    },
  });
}
