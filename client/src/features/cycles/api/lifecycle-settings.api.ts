import type { LifecycleSettings, VersionedLifecycleSettings } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';

export const lifecycleApi = {
  get: (signal?: AbortSignal) => apiGet<VersionedLifecycleSettings>('/api/settings/lifecycle', signal),
  /** The whole document, with the version it was edited from as If-Match. */
  save: (version: number, settings: LifecycleSettings) =>
    api<VersionedLifecycleSettings>('PUT', '/api/settings/lifecycle', { body: settings, version }),
};
