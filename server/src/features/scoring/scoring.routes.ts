import { ScoringSettingsSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import type { ScoringSettingsService } from './scoring-settings.service';

const VersionedSettingsSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  settings: ScoringSettingsSchema,
});

export function scoringRoutes(settings: ScoringSettingsService) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/settings/scoring',
      access: 'viewer',
      tag: 'scoring',
      summary: 'The scoring framework, weights and flag thresholds (version 0 = defaults)',
      response: VersionedSettingsSchema,
      handler: () => settings.get(),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/scoring',
      access: 'admin',
      sessionOnly: true,
      tag: 'scoring',
      summary: 'Change scoring; every item is re-scored',
      body: ScoringSettingsSchema,
      ifMatch: true,
      response: VersionedSettingsSchema,
      handler: ({ actor, body, ifMatch }) => settings.update(actor, ifMatch, body),
    }),
  ];
}
