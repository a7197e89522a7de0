import {
  CloseCycleResultSchema,
  CloseCycleSchema,
  GradeKeyResultSchema,
  KeyResultSchema,
  LifecycleSettingsSchema,
  VersionedLifecycleSettingsSchema,
} from '@keyline/shared';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { CloseCycleService } from './close-cycle.service';
import type { GradingService } from './grading.service';
import type { LifecycleSettingsService } from './lifecycle-settings.service';

export function lifecycleRoutes(
  grading: GradingService,
  closing: CloseCycleService,
  settings: LifecycleSettingsService,
) {
  return [
    defineRoute({
      method: 'put',
      path: '/api/key-results/:id/grade',
      access: 'editor',
      tag: 'lifecycle',
      summary: 'Grade a key result 0.0–1.0 with a retro note (active or closed cycles)',
      params: IdParamsSchema,
      body: GradeKeyResultSchema,
      ifMatch: true,
      response: KeyResultSchema,
      handler: ({ actor, params, body, ifMatch }) => grading.grade(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cycles/:id/close',
      access: 'editor',
      tag: 'lifecycle',
      summary:
        'Close a cycle, carrying chosen key results and their open backlog links into the next (one transaction)',
      params: IdParamsSchema,
      body: CloseCycleSchema,
      ifMatch: true,
      response: CloseCycleResultSchema,
      handler: ({ actor, params, body, ifMatch }) => closing.close(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/settings/lifecycle',
      access: 'viewer',
      tag: 'lifecycle',
      summary: 'The check-in cadence',
      response: VersionedLifecycleSettingsSchema,
      handler: () => settings.get(),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/lifecycle',
      access: 'admin',
      sessionOnly: true,
      tag: 'lifecycle',
      summary: 'Change the check-in cadence',
      body: LifecycleSettingsSchema,
      ifMatch: true,
      response: VersionedLifecycleSettingsSchema,
      handler: ({ actor, body, ifMatch }) => settings.update(actor, ifMatch, body),
    }),
  ];
}
