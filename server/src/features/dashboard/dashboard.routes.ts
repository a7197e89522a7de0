import { DashboardQuerySchema, DashboardSchema } from '@keyline/shared';
import { defineRoute } from '../../http/route';
import type { DashboardService } from './dashboard.service';

export function dashboardRoutes(dashboard: DashboardService) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dashboard',
      access: 'viewer',
      tag: 'dashboard',
      summary: 'The leadership dashboard of a cycle (default: the active one), optionally for one team, in one call',
      query: DashboardQuerySchema,
      response: DashboardSchema,
      handler: ({ query }) => dashboard.get(query),
    }),
  ];
}
