import {
  AlignmentQuerySchema,
  AlignmentReportSchema,
  ScoringSettingsSchema,
  SuggestedLinkSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { AlignmentService } from './alignment.service';
import type { ScoringSettingsService } from './scoring-settings.service';

const VersionedSettingsSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  settings: ScoringSettingsSchema,
});

export function scoringRoutes(settings: ScoringSettingsService, alignment: AlignmentService) {
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
    defineRoute({
      method: 'get',
      path: '/api/alignment',
      access: 'viewer',
      tag: 'scoring',
      summary: 'Headline figures, effort share per objective, KR flags and the value × effort points of a cycle',
      query: AlignmentQuerySchema,
      response: AlignmentReportSchema,
      handler: ({ query }) => alignment.report(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/backlog-items/:id/suggested-links',
      access: 'viewer',
      tag: 'scoring',
      summary: 'Up to 5 key results of the active cycle whose text is closest to the item',
      params: IdParamsSchema,
      response: z.array(SuggestedLinkSchema),
      handler: ({ params }) => alignment.suggestedLinks(params.id),
    }),
  ];
}
