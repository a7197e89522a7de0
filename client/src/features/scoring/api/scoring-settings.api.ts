import type { ScoringSettings } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';

/** The settings document: version 0 means the defaults, never saved. */
export interface VersionedScoringSettings {
  id: string;
  version: number;
  settings: ScoringSettings;
}

export const PREVIEW_SAMPLE = 200;

/** Today's most valuable items, a backlog-items query: any item edit refreshes the preview's sample too. */
export const PREVIEW_SAMPLE_QUERY = `sort=valueScore&order=desc&limit=${PREVIEW_SAMPLE}&include=breakdown`;

export const scoringSettingsApi = {
  get: (signal?: AbortSignal) => apiGet<VersionedScoringSettings>('/api/settings/scoring', signal),
  save: (version: number, settings: ScoringSettings) =>
    api<VersionedScoringSettings>('PUT', '/api/settings/scoring', { body: settings, version }),
};
