import { AlignmentQuerySchema, AlignmentReportSchema, SuggestedLinkSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { AlignmentService } from './alignment.service';

export function alignmentRoutes(alignment: AlignmentService) {
  return [
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
