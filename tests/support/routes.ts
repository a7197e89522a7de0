import { randomUUID } from 'node:crypto';
import { apiRoutes } from '../../server/src/app';
import type { RouteDef } from '../../server/src/http/route';
import { buildBacklogItem, buildKeyResult, buildTeam } from './factories';
import type { TestServer } from './test-server';

/**
 * Helpers for tests that walk the server's own route list (`apiRoutes`), so
 * a route added tomorrow is checked without anyone remembering to add it.
 */
export function listRoutes(t: TestServer): RouteDef[] {
  return apiRoutes(t.services);
}

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;

export const isWrite = (r: Pick<RouteDef, 'method'>) => r.method !== 'get';

/**
 * Ids to put into `:params`, keyed by the path segment before `:id`
 * (`/api/teams/:id` → `teams`) or by the parameter's own name (`keyResultId`).
 */
export type RouteIds = Record<string, string>;

/**
 * Puts ids into a route's `:params`. A parameter with no id given gets a
 * random UUID: access is checked before any id is looked up, so 401/403
 * answers do not depend on it, and anything else answers 404.
 */
export function fillPath(path: string, ids: RouteIds = {}): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      const key = name === 'id' ? (segments[i - 1] ?? '') : name;
      return ids[key] ?? randomUUID();
    })
    .join('/');
}

/** One live row of each kind, all at version 1, for filling paths with real ids. */
export async function buildRouteIds(t: TestServer): Promise<RouteIds> {
  const team = await buildTeam(t.admin);
  const keyResult = await buildKeyResult(t.editor, { title: 'Route walk KR' });
  const item = await buildBacklogItem(t.editor, { title: 'Route walk item', teamId: team.id });
  const user = await t.admin.post('/api/users', {
    email: `walk-${randomUUID().slice(0, 8)}@test.local`,
    name: 'Walk',
    role: 'viewer',
  });
  // A public address (never called: the walk runs no sender), so the SSRF check lets it through.
  const webhook = await t.admin.post('/api/webhooks', {
    url: 'http://93.184.216.34/keyline',
    events: ['cycle.closed'],
  });
  const chatChannel = await t.admin.post('/api/chat-channels', {
    platform: 'slack',
    name: '#walk',
    url: 'https://93.184.216.34/services/T0/B0/walk',
  });
  return {
    webhooks: webhook.body.id,
    'chat-channels': chatChannel.body.id,
    users: user.body.id,
    teams: team.id,
    cycles: (await t.editor.get(`/api/objectives/${keyResult.objectiveId}`)).body.cycleId,
    objectives: keyResult.objectiveId,
    'key-results': keyResult.id,
    keyResultId: keyResult.id,
    'backlog-items': item.id,
  };
}

/**
 * SCIM routes (RFC 7644) answer identity providers, not the app: a SCIM
 * token instead of a session, SCIM's own error shape and media type, no
 * If-Match. The route walks check them by SCIM's rules.
 */
export const isScimRoute = (r: Pick<RouteDef, 'path'>) => r.path.startsWith('/scim/');
