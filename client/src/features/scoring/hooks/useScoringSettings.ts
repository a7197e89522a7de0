import type { OutcomeReportDto, ScoringSettings } from '@keyline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/Notifier';
import { apiGet } from '../../../lib/api';
import { scoringSettingsApi, scoringSettingsKeys, type VersionedScoringSettings } from '../api/scoring-settings.api';
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
    queryKey: ['outcomes', 'track-records'],
    queryFn: async ({ signal }) => {
      const report = await apiGet<OutcomeReportDto>('/api/outcomes?limit=1', signal);
      return new Map(report.trackRecords.map((r) => [r.teamId, { hits: r.hits, judged: r.judged }]));
    },
    enabled,
    staleTime: 30_000,
  });
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
