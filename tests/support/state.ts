import type { ApiClient } from './api-client';

/**
 * What the API shows, reduced to what changes on a write: each row's id,
 * version and updatedAt (every update bumps them), backlog links (they carry
 * no version of their own), and the number of audit events (every write adds
 * one). Computed fields such as scores are left out: they may move with the
 * clock and are not stored state. Read as an admin, who sees everything.
 */
export interface ApiState {
  users: RowStamp[];
  teams: RowStamp[];
  cycles: RowStamp[];
  objectives: RowStamp[];
  keyResults: RowStamp[];
  backlogItems: (RowStamp & { links: unknown })[];
  auditEvents: number;
}

interface RowStamp {
  id: string;
  version: number;
  updatedAt: string;
}

const stamp = (row: any): RowStamp => ({ id: row.id, version: row.version, updatedAt: row.updatedAt });

export async function captureState(admin: ApiClient): Promise<ApiState> {
  const [users, teams, cycles, objectives, keyResults] = await Promise.all(
    ['/api/users', '/api/teams', '/api/cycles', '/api/objectives', '/api/key-results'].map((path) =>
      readOk(admin, path),
    ),
  );
  const backlogItems: (RowStamp & { links: unknown })[] = [];
  for (let cursor: string | null = ''; cursor !== null;) {
    const page: any = await readOk(admin, `/api/backlog-items?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    backlogItems.push(...page.items.map((i: any) => ({ ...stamp(i), links: i.links })));
    cursor = page.nextCursor;
  }
  const audit: any = await readOk(admin, '/api/audit-events?limit=1');
  const byId = (a: RowStamp, b: RowStamp) => (a.id < b.id ? -1 : 1);
  return {
    users: users.map(stamp).sort(byId),
    teams: teams.map(stamp).sort(byId),
    cycles: cycles.map(stamp).sort(byId),
    objectives: objectives.map(stamp).sort(byId),
    keyResults: keyResults.map(stamp).sort(byId),
    backlogItems: backlogItems.sort(byId),
    auditEvents: audit.total,
  };
}

/** The number of audit events so far: every successful write adds exactly one. */
export async function auditCount(api: ApiClient): Promise<number> {
  return ((await readOk(api, '/api/audit-events?limit=1')) as any).total;
}

async function readOk(api: ApiClient, path: string): Promise<any> {
  const res = await api.get(path);
  if (res.status !== 200)
    throw new Error(`captureState: GET ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
