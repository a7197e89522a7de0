import type { Page, ScoredBacklogItem, ScoringSettings } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';

/** The settings document: version 0 means the defaults, never saved. */
export interface VersionedScoringSettings {
  id: string;
  version: number;
  settings: ScoringSettings;
}

export const PREVIEW_SAMPLE = 200;

export const scoringSettingsKeys = {
  settings: ['scoring-settings'] as const,
  // Under ['backlog'] so any backlog edit refreshes the preview's sample too.
  previewSample: ['backlog', 'scoring-preview'] as const,
};

export const scoringSettingsApi = {
  get: (signal?: AbortSignal) => apiGet<VersionedScoringSettings>('/api/settings/scoring', signal),
  save: (version: number, settings: ScoringSettings) =>
    api<VersionedScoringSettings>('PUT', '/api/settings/scoring', { body: settings, version }),
  /** Today's most valuable items: the preview shows how they would move. */
  previewSample: async (signal?: AbortSignal) =>
    (
      await apiGet<Page<ScoredBacklogItem>>(
        `/api/backlog-items?sort=valueScore&order=desc&limit=${PREVIEW_SAMPLE}&include=breakdown`,
        signal,
      )
    ).items,
};
