/**
 * Scoring at scale: 100,000 backlog items and 1,000 KRs on SQLite (BENCH_ITEMS
 * to change the size). Prints, in one run, the raw SQL read of the rows
 * scoring needs (the floor) next to: the first read (every item scored),
 * warm whole-backlog views, and what each kind of write costs the next read
 * — an item edit, a KR edit with 1,000 linked items, a settings change (the
 * whole backlog re-scored in the background, from memory). Writes the
 * figures to tests/artifacts/bench/scoring.json for the README's table.
 * Run: npm run bench:scoring
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { isoDay } from '@keyline/shared';
import { pino } from 'pino';
import { createApp } from '../../server/src/app';
import { SYSTEM_ACTOR } from '../../server/src/auth/actor';
import { loadConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/schema';
import { ApiClient } from '../support/api-client';
import { median, medianAsync, medianOf, ms } from './support/timing';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const OBJECTIVES = 100;
const KRS_PER_OBJECTIVE = 10;
/** Items linked to the KR the "KR edit" figure edits. */
const BIG_KR_LINKS = Math.min(1_000, ITEMS);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keyline-bench-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const db = await openDatabase(url);
  await db.migrate();
  const raw = (db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;

  let t = performance.now();
  const { bigKr } = seed(raw);
  console.log(`seeded ${ITEMS.toLocaleString('en')} items, ${OBJECTIVES * KRS_PER_OBJECTIVE} KRs in ${ms(t)}`);

  const config = loadConfig({ DATABASE_URL: url, KEYLINE_SEED: 'none', LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const { app, services } = createApp({ config, db, logger: pino({ level: 'silent' }) });
  await services.users.create(SYSTEM_ACTOR, {
    email: 'bench@test.local',
    name: 'Bench',
    role: 'admin',
    password: 'bench password 2026',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await api.login('bench@test.local', 'bench password 2026');

  // The floor: read every row scoring needs, straight from better-sqlite3.
  const floor = median(5, () => {
    raw
      .prepare(
        'SELECT id, status, teamId, rank, reach, impact, confidence, effort, businessValue, timeCriticality, riskReduction, jobSize, ease FROM backlog_items',
      )
      .all();
    raw.prepare('SELECT itemId, keyResultId, strength FROM backlog_links').all();
    raw.prepare('SELECT * FROM key_results').all();
  });
  // What a SQL aggregate of the headline would cost per read (the alternative to sums kept in memory).
  const sqlHeadline = median(5, () => {
    raw
      .prepare(
        "SELECT SUM(effort), COUNT(*) FROM backlog_items WHERE status IN ('idea','ready','in-progress') AND effort > 0",
      )
      .all();
    raw
      .prepare(
        "SELECT l.keyResultId, SUM(i.effort), COUNT(*) FROM backlog_links l JOIN backlog_items i ON i.id = l.itemId WHERE i.status IN ('idea','ready','in-progress') GROUP BY l.keyResultId",
      )
      .all();
  });

  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const cold = await api.get('/api/alignment');
  const coldMs = performance.now() - t;
  if (cold.status !== 200) throw new Error(`alignment: ${cold.status}`);
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const alignmentWarm = await medianAsync(5, () => api.get('/api/alignment'));
  const dashboardWarm = await medianAsync(5, () => api.get('/api/dashboard'));
  const pageWarm = await medianAsync(5, () => api.get('/api/backlog-items?sort=valueScore&order=desc&limit=50'));
  const rankPage = await medianAsync(5, () => api.get('/api/backlog-items?sort=rank&limit=50'));

  // An item edit: the answer carries the new score; the next whole-backlog read applies it.
  const first = (await api.get('/api/backlog-items?limit=1')).body.items[0];
  let version = first.version;
  const edits: number[] = [];
  const afterEdit: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const edited = await api.patch(`/api/backlog-items/${first.id}`, { effort: 3 + (i % 2) * 5 }, version);
    edits.push(performance.now() - t);
    version = edited.body.version;
    t = performance.now();
    await api.get('/api/backlog-items?sort=valueScore&order=desc&limit=50');
    afterEdit.push(performance.now() - t);
  }

  // A KR edit: its 1,000 linked items are re-scored before the next read is answered.
  const afterKrEdit: number[] = [];
  for (let i = 0; i < 5; i++) {
    const kr = (await api.get(`/api/key-results/${bigKr}`)).body;
    await api.patch(`/api/key-results/${bigKr}`, { currentValue: 10 + i * 7 }, kr.version);
    t = performance.now();
    await api.get('/api/alignment');
    afterKrEdit.push(performance.now() - t);
  }

  // A settings change: every item re-scored once, in the background, from memory (no database read).
  const settings = (await api.get('/api/settings/scoring')).body;
  t = performance.now();
  await api.put(
    '/api/settings/scoring',
    { ...settings.settings, framework: 'wsjf' },
    { 'if-match': `"${settings.version}"` },
  );
  let sawProgress = false;
  for (;;) {
    const view = await services.scoring.current();
    if (!view.rescoring) break;
    sawProgress = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const rescoreMs = performance.now() - t;
  t = performance.now();
  await api.get('/api/alignment');
  const afterRescore = performance.now() - t;

  const figures = {
    items: ITEMS,
    keyResults: OBJECTIVES * KRS_PER_OBJECTIVE,
    'load average': loadavg()[0],
    'raw read of the scoring rows (floor) ms': floor,
    'first read, every item scored (cold) ms': coldMs,
    'cold / floor': coldMs / floor,
    'GET /api/alignment warm ms': alignmentWarm,
    'GET /api/dashboard warm ms': dashboardWarm,
    'first page by value, warm ms': pageWarm,
    'first page by rank, warm ms': rankPage,
    'an item edit (PATCH, scored answer) ms': medianOf(edits),
    'first page by value right after an item edit ms': medianOf(afterEdit),
    'item edit / floor': medianOf(afterEdit) / floor,
    [`alignment right after a KR edit (${BIG_KR_LINKS} linked items) ms`]: medianOf(afterKrEdit),
    'KR edit / floor': medianOf(afterKrEdit) / floor,
    'settings change: whole backlog re-scored in the background ms': rescoreMs,
    'settings re-score / floor': rescoreMs / floor,
    'progress reported during it': sawProgress,
    'alignment after the re-score ms': afterRescore,
    'SQL aggregate of the headline per read (not used) ms': sqlHeadline,
    'heap held by the scores MB': heapMb,
  };
  for (const [k, v] of Object.entries(figures))
    console.log(`${k.padEnd(66)} ${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(v < 10 ? 2 : 0)) : v}`);
  mkdirSync('tests/artifacts/bench', { recursive: true });
  writeFileSync(
    'tests/artifacts/bench/scoring.json',
    JSON.stringify({ at: new Date().toISOString(), figures }, null, 2),
  );

  server.close();
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`kept ${url}`);
  else rmSync(dir, { recursive: true, force: true });
}

function seed(raw: BetterSqlite3.Database): { bigKr: string } {
  const now = new Date().toISOString();
  const start = new Date(Date.UTC(new Date().getUTCFullYear(), Math.floor(new Date().getUTCMonth() / 3) * 3, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  const cycleId = randomUUID();
  const krIds: string[] = [];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  raw.transaction(() => {
    raw
      .prepare(
        'INSERT INTO cycles (id, name, startsOn, endsOn, status, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
      )
      .run(cycleId, 'Bench', isoDay(start), isoDay(end), 'active', now, now);
    const objective = raw.prepare(
      "INSERT INTO objectives (id, cycleId, title, description, teamId, parentId, ownerId, weight, deletedAt, version, createdAt, updatedAt) VALUES (?, ?, ?, '', NULL, NULL, NULL, ?, NULL, 1, ?, ?)",
    );
    const kr = raw.prepare(
      "INSERT INTO key_results (id, objectiveId, title, metricType, startValue, targetValue, currentValue, unit, weight, ownerId, deletedAt, version, createdAt, updatedAt) VALUES (?, ?, ?, 'number', 0, 100, ?, '', ?, NULL, NULL, 1, ?, ?)",
    );
    for (let o = 0; o < OBJECTIVES; o++) {
      const oid = randomUUID();
      objective.run(oid, cycleId, `Objective ${o}`, 1 + (o % 3), now, now);
      for (let k = 0; k < KRS_PER_OBJECTIVE; k++) {
        const kid = randomUUID();
        krIds.push(kid);
        kr.run(kid, oid, `Key result ${o}.${k}`, Math.round(rand() * 100), 1 + (k % 2), now, now);
      }
    }
    const item = raw.prepare(
      "INSERT INTO backlog_items (id, title, description, type, status, teamId, rank, reach, impact, confidence, effort, businessValue, timeCriticality, riskReduction, jobSize, ease, externalKey, labels, version, createdAt, updatedAt) VALUES (?, ?, '', 'feature', ?, NULL, ?, ?, ?, ?, ?, 5, 3, 2, ?, 5, NULL, '[]', 1, ?, ?)",
    );
    const link = raw.prepare(
      'INSERT INTO backlog_links (itemId, keyResultId, strength, createdAt) VALUES (?, ?, ?, ?)',
    );
    const statuses = ['idea', 'ready', 'ready', 'in-progress', 'done'];
    const impacts = [0.25, 0.5, 1, 2, 3];
    const bigKr = krIds[0] as string;
    for (let i = 0; i < ITEMS; i++) {
      const id = randomUUID();
      const effort = rand() < 0.05 ? null : [1, 2, 3, 5, 8, 13][Math.floor(rand() * 6)];
      item.run(
        id,
        `Item ${i}`,
        statuses[i % 5],
        i * 1024,
        Math.round(rand() * 5000),
        impacts[Math.floor(rand() * 5)],
        0.5 + rand() / 2,
        effort,
        effort,
        now,
        now,
      );
      // The first BIG_KR_LINKS items serve the big KR; the rest 70 % one random other KR.
      if (i < BIG_KR_LINKS) link.run(id, bigKr, 1 + Math.floor(rand() * 3), now);
      else if (rand() < 0.7)
        link.run(id, krIds[1 + Math.floor(rand() * (krIds.length - 1))], 1 + Math.floor(rand() * 3), now);
    }
  })();
  // The seed's own change-log rows: the server starts from a full read anyway.
  raw.prepare('DELETE FROM change_log').run();
  return { bigKr: krIds[0] as string };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
