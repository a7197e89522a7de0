import { ApplyPlanResultSchema, ApplyPlanSchema, PlannerQuerySchema, PlannerResultSchema } from '@keyline/shared';
import { defineRoute } from '../../http/route';
import type { PlannerService } from './planner.service';

export function plannerRoutes(planner: PlannerService) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/planner',
      access: 'viewer',
      tag: 'planner',
      summary: 'What-if plan for a capacity: by value score and by manual rank, side by side (writes nothing)',
      query: PlannerQuerySchema,
      response: PlannerResultSchema,
      handler: ({ query }) => planner.plan(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/planner/apply',
      access: 'editor',
      tag: 'planner',
      summary: 'Apply a plan: these items take the top of the backlog in this order; nothing else moves',
      body: ApplyPlanSchema,
      response: ApplyPlanResultSchema,
      handler: ({ actor, body }) => planner.apply(actor, body),
    }),
  ];
}
