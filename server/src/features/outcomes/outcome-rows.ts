import type { OutcomeCheckIn, OutcomeItem, OutcomeKeyResult } from '@keyline/shared';
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';

/** What the outcomes report reads: every quarter, live KR with its check-ins, done item with its links. */
export interface OutcomeRows {
  cycles: { id: string; name: string; startsOn: string; endsOn: string; status: string }[];
  keyResults: (OutcomeKeyResult & { title: string; ownerId: string | null; unit: string })[];
  items: (OutcomeItem & { title: string; externalKey: string | null })[];
  teams: { id: string; name: string }[];
  userNames: Map<string, string>;
}

/** The queries, also run bare by `npm run bench:outcomes` as the "raw read" it compares with. */
export const OUTCOME_QUERIES = {
  cycles: 'SELECT id, name, "startsOn", "endsOn", status FROM cycles',
  keyResults:
    'SELECT k.id, o."cycleId", k.title, k."ownerId", k.unit, k."startValue", k."targetValue" FROM key_results k ' +
    'JOIN objectives o ON o.id = k."objectiveId" WHERE k."deletedAt" IS NULL AND o."deletedAt" IS NULL',
  checkIns: 'SELECT "keyResultId", "at", "value", "createdAt" FROM check_ins',
  // An item marked done by a path that did not stamp doneAt: its last change is the best guess.
  items:
    'SELECT id, title, "externalKey", "teamId", COALESCE("doneAt", "updatedAt") AS "doneAt", effort, impact, confidence ' +
    "FROM backlog_items WHERE status = 'done'",
  links:
    'SELECT l."itemId", l."keyResultId", l.strength FROM backlog_links l ' +
    'JOIN backlog_items i ON i.id = l."itemId" WHERE i.status = \'done\'',
  teams: 'SELECT id, name FROM teams ORDER BY name, id',
  users: 'SELECT id, name FROM users',
} as const;

type Query = keyof typeof OUTCOME_QUERIES;

/**
 * Rows as arrays of column values. SQLite reads through better-sqlite3's raw
 * mode (half the cost of row objects at 100,000 rows); PostgreSQL through TypeORM.
 */
async function rowsOf(m: EntityManager, query: Query): Promise<unknown[][]> {
  const sqlite = sqliteConnection(m);
  if (sqlite) return sqlite.prepare(OUTCOME_QUERIES[query]).raw().all() as unknown[][];
  const rows = (await m.query(OUTCOME_QUERIES[query])) as Record<string, unknown>[];
  return rows.map((r) => Object.values(r));
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function loadOutcomeRows(m: EntityManager): Promise<OutcomeRows> {
  const cycles = (await rowsOf(m, 'cycles')).map((r) => ({
    id: str(r[0]),
    name: str(r[1]),
    startsOn: str(r[2]),
    endsOn: str(r[3]),
    status: str(r[4]),
  }));
  const checkInsOf = new Map<string, OutcomeCheckIn[]>();
  for (const r of await rowsOf(m, 'checkIns')) {
    const keyResultId = str(r[0]);
    const checkIn = { at: str(r[1]), value: Number(r[2]), recordedAt: str(r[3]) };
    const list = checkInsOf.get(keyResultId);
    if (list) list.push(checkIn);
    else checkInsOf.set(keyResultId, [checkIn]);
  }
  const keyResults = (await rowsOf(m, 'keyResults')).map((r) => ({
    id: str(r[0]),
    cycleId: str(r[1]),
    title: str(r[2]),
    ownerId: strOrNull(r[3]),
    unit: str(r[4] ?? ''),
    startValue: Number(r[5]),
    targetValue: Number(r[6]),
    checkIns: checkInsOf.get(str(r[0])) ?? [],
  }));
  const linksOf = new Map<string, { keyResultId: string; strength: number }[]>();
  for (const r of await rowsOf(m, 'links')) {
    const itemId = str(r[0]);
    const link = { keyResultId: str(r[1]), strength: Number(r[2]) };
    const list = linksOf.get(itemId);
    if (list) list.push(link);
    else linksOf.set(itemId, [link]);
  }
  const items = (await rowsOf(m, 'items')).map((r) => ({
    id: str(r[0]),
    title: str(r[1]),
    externalKey: strOrNull(r[2]),
    teamId: strOrNull(r[3]),
    status: 'done',
    doneAt: strOrNull(r[4]),
    effort: num(r[5]),
    impact: num(r[6]),
    confidence: num(r[7]),
    links: linksOf.get(str(r[0])) ?? [],
  }));
  const teams = (await rowsOf(m, 'teams')).map((r) => ({ id: str(r[0]), name: str(r[1]) }));
  const userNames = new Map((await rowsOf(m, 'users')).map((r) => [str(r[0]), str(r[1])]));
  return { cycles, keyResults, items, teams, userNames };
}

export function sqliteConnection(m: EntityManager): BetterSqlite3.Database | undefined {
  return m.dataSource.options.type === 'better-sqlite3'
    ? (m.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection
    : undefined;
}
