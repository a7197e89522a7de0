import type { ApiClient } from './api-client';

/**
 * Factories that create what a test needs through the real API, making any
 * missing parents on the way (buildKeyResult makes a cycle and an objective).
 */
let counter = 0;
const next = () => ++counter;

export async function buildCycle(api: ApiClient, overrides: Record<string, unknown> = {}) {
  const n = next();
  const res = await api.post('/api/cycles', {
    name: `T${n}-Q${(n % 4) + 1}`,
    startsOn: '2026-10-01',
    endsOn: '2026-12-31',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`buildCycle: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildObjective(api: ApiClient, overrides: Record<string, unknown> = {}) {
  const cycleId = overrides.cycleId ?? (await buildCycle(api)).id;
  const res = await api.post('/api/objectives', { title: `Objective ${next()}`, ...overrides, cycleId });
  if (res.status !== 201) throw new Error(`buildObjective: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildKeyResult(api: ApiClient, overrides: Record<string, unknown> = {}) {
  const objectiveId = overrides.objectiveId ?? (await buildObjective(api)).id;
  const res = await api.post('/api/key-results', {
    title: `KR ${next()}`,
    startValue: 0,
    targetValue: 100,
    unit: '%',
    ...overrides,
    objectiveId,
  });
  if (res.status !== 201) throw new Error(`buildKeyResult: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildBacklogItem(api: ApiClient, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/backlog-items', { title: `Item ${next()}`, effort: 3, ...overrides });
  if (res.status !== 201) throw new Error(`buildBacklogItem: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildTeam(api: ApiClient, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/teams', { name: `Team ${next()}`, ...overrides });
  if (res.status !== 201) throw new Error(`buildTeam: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface UserToBuild {
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
}

/** Creates members with known passwords (as an admin would invite them), in order. */
export async function buildUsers(api: ApiClient, users: UserToBuild[]) {
  const created = [];
  for (const user of users) {
    const res = await api.post('/api/users', user);
    if (res.status !== 201) throw new Error(`buildUsers: ${res.status} ${JSON.stringify(res.body)}`);
    created.push(res.body);
  }
  return created;
}
