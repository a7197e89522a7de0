/**
 * Scoring at scale: 100,000 backlog items and 1,000 KRs on SQLite.
 * Prints, in one run, the raw SQL read of the rows scoring needs (the floor)
 * next to the alignment endpoint and the first page sorted by value, cold
 * (snapshot computed) and warm (cached). Run: npm run bench:scoring
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { createApp } from '../../server/src/app';
import { SYSTEM_ACTOR } from '../../server/src/auth/actor';
import { loadConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/schema';
import { ApiClient } from '../support/api-client';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const OBJECTIVES = 100;
const KRS_PER_OBJECTIVE = 10;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keyline-bench-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const db = await openDatabase(url);
  await db.migrate();
  const raw = (db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;

  let t = performance.now();
  const krIds = seed(raw);
  console.log(`seeded ${ITEMS.toLocaleString()} items, ${krIds.length.toLocaleString()} KRs in ${ms(t)}`);

  const config = loadConfig({ DATABASE_URL: url, KEYLINE_SEED: 'none', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
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

  t = performance.now();
  const cold = await api.get('/api/alignment');
  const coldMs = performance.now() - t;
  if (cold.status !== 200) throw new Error(`alignment: ${cold.status}`);
  const alignmentWarm = await medianAsync(5, () => api.get('/api/alignment'));
  const pageWarm = await medianAsync(5, () => api.get('/api/backlog-items?sort=valueScore&order=desc&limit=50'));
  const rankPage = await medianAsync(5, () => api.get('/api/backlog-items?sort=rank&limit=50'));

  // After an edit the snapshot is rebuilt on the next read: the cost a PM pays after a change.
  const first = (await api.get('/api/backlog-items?limit=1')).body.items[0];
  t = performance.now();
  const edited = await api.patch(`/api/backlog-items/${first.id}`, { effort: 5 }, first.version);
  const editMs = performance.now() - t;
  t = performance.now();
  await api.get('/api/backlog-items?sort=rank&limit=50');
  const rankAfterEdit = performance.now() - t;
  await api.patch(`/api/backlog-items/${first.id}`, { effort: 8 }, edited.body.version);
  t = performance.now();
  await api.get('/api/backlog-items?sort=valueScore&order=desc&limit=50');
  const afterEdit = performance.now() - t;

  console.log(`raw SQL read of the scoring rows (floor)     ${floor.toFixed(0)} ms`);
  console.log(
    `GET /api/alignment, cold (scores computed)    ${coldMs.toFixed(0)} ms  (${(coldMs / floor).toFixed(1)}× floor)`,
  );
  console.log(
    `GET /api/alignment, warm                      ${alignmentWarm.toFixed(0)} ms  (${(alignmentWarm / floor).toFixed(1)}× floor)`,
  );
  console.log(
    `first page sorted by value, warm              ${pageWarm.toFixed(0)} ms  (${(pageWarm / floor).toFixed(1)}× floor)`,
  );
  console.log(`first page sorted by rank, warm               ${rankPage.toFixed(0)} ms`);
  console.log(`an inline edit (PATCH, scored answer)          ${editMs.toFixed(0)} ms`);
  console.log(`first page by rank right after an edit        ${rankAfterEdit.toFixed(0)} ms`);
  console.log(
    `first page by value right after an edit       ${afterEdit.toFixed(0)} ms  (${(afterEdit / floor).toFixed(1)}× floor)`,
  );
  console.log(
    `headline: misaligned ${(cold.body.headline.misalignedEffortShare * 100).toFixed(1)}%, coverage ${cold.body.headline.krCoverage.covered}/${cold.body.headline.krCoverage.total}`,
  );

  server.close();
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`kept ${url}`);
  else rmSync(dir, { recursive: true, force: true });
}

function seed(raw: BetterSqlite3.Database): string[] {
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
      .run(cycleId, 'Bench', start.toISOString().slice(0, 10), end.toISOString().slice(0, 10), 'active', now, now);
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
      if (rand() < 0.7) link.run(id, krIds[Math.floor(rand() * krIds.length)], 1 + Math.floor(rand() * 3), now);
    }
  })();
  return krIds;
}

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

function median(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

async function medianAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
