/**
 * The Outcomes report at scale: 100,000 backlog items (half of them done and
 * measured), 1,000 KRs over eight quarters and two years of weekly check-ins
 * on every KR (104,000 check-ins), on SQLite. Prints the report's time (read
 * + engine + the first page of items, as GET /api/outcomes computes it after
 * a write) against the raw read of the rows it needs (the floor). Goal: ≤ 3×.
 * Writes tests/artifacts/bench/outcomes.json. Run: npm run bench:outcomes
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { isoDay } from '@keyline/shared';
import { OUTCOME_QUERIES } from '../../server/src/features/outcomes/outcome-rows';
import { OutcomeService } from '../../server/src/features/outcomes/outcome.service';
import { openDatabase } from '../../server/src/schema';
import { median, medianAsync, medianOf, ms } from './support/timing';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const QUARTERS = 8;
const KRS = 1_000;
const WEEKS = 104;
const DAY_MS = 86_400_000;
const RUNS = 5;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keyline-bench-outcomes-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const db = await openDatabase(url);
  await db.migrate();
  const raw = (db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;

  let t = performance.now();
  const counts = seed(raw);
  console.log(
    `seeded ${ITEMS.toLocaleString('en')} items (${counts.done.toLocaleString('en')} done), ${KRS.toLocaleString('en')} KRs, ` +
      `${counts.checkIns.toLocaleString('en')} check-ins over ${QUARTERS} quarters in ${ms(t)}`,
  );

  // The floor: every row the report reads, straight from better-sqlite3 in raw mode, nothing built from it.
  const floor = median(RUNS, () => {
    for (const sql of Object.values(OUTCOME_QUERIES)) raw.prepare(sql).raw().all();
  });
  // The report as the server computes it after any write: read, engine, summaries, the first 100 items as DTOs.
  const times: number[] = [];
  let report: Awaited<ReturnType<OutcomeService['report']>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const service = new OutcomeService(db);
    t = performance.now();
    report = await service.report({ limit: 100 });
    times.push(performance.now() - t);
  }
  const cold = medianOf(times);
  // A second reader with nothing changed: the cached report, filtered to one quarter.
  const service = new OutcomeService(db);
  await service.report({ limit: 100 });
  const cycleId = report?.cycles.at(-2)?.id;
  const warm = await medianAsync(RUNS, () => service.report({ limit: 100, ...(cycleId && { cycleId }) }));

  const ratio = cold / floor;
  console.log(`raw read of the rows (floor)      ${floor.toFixed(0)} ms`);
  console.log(`Outcomes report after a write     ${cold.toFixed(0)} ms  (${ratio.toFixed(1)}× the floor; goal ≤ 3×)`);
  console.log(`Outcomes report, cached, 1 quarter ${warm.toFixed(1)} ms`);
  console.log(
    `measured: ${report?.summary.shipped.toLocaleString('en')} shipped, hit rate ${((report?.summary.hitRate ?? 0) * 100).toFixed(0)}%; load ${loadavg()[0]?.toFixed(1)}`,
  );
  const out = join(import.meta.dirname, '../artifacts/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'outcomes.json'),
    JSON.stringify({ items: ITEMS, krs: KRS, checkIns: counts.checkIns, floor, cold, warm, ratio }, null, 2),
  );
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Eight quarters back from this one; KRs spread over them; every KR checked in weekly for two years. */
function seed(raw: BetterSqlite3.Database): { done: number; checkIns: number } {
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  const thisQuarter = new Date(Date.UTC(new Date().getUTCFullYear(), Math.floor(new Date().getUTCMonth() / 3) * 3, 1));
  let state = 42;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const quarters = Array.from({ length: QUARTERS }, (_, i) => {
    const start = new Date(
      Date.UTC(thisQuarter.getUTCFullYear(), thisQuarter.getUTCMonth() - 3 * (QUARTERS - 1 - i), 1),
    );
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    return {
      id: randomUUID(),
      start: start.getTime(),
      end: end.getTime() + DAY_MS - 1,
      startsOn: isoDay(start),
      endsOn: isoDay(end),
    };
  });
  const krs: { id: string; quarter: number }[] = [];
  let done = 0;
  let checkIns = 0;
  raw.transaction(() => {
    const cycle = raw.prepare(
      'INSERT INTO cycles (id, name, startsOn, endsOn, status, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
    );
    const objective = raw.prepare(
      "INSERT INTO objectives (id, cycleId, title, description, teamId, parentId, ownerId, weight, deletedAt, version, createdAt, updatedAt) VALUES (?, ?, ?, '', NULL, NULL, NULL, 1, NULL, 1, ?, ?)",
    );
    const kr = raw.prepare(
      "INSERT INTO key_results (id, objectiveId, title, metricType, startValue, targetValue, currentValue, unit, weight, ownerId, deletedAt, version, createdAt, updatedAt) VALUES (?, ?, ?, 'number', 0, 100, 0, '', 1, NULL, NULL, 1, ?, ?)",
    );
    const checkIn = raw.prepare(
      "INSERT INTO check_ins (id, keyResultId, value, confidence, note, authorId, at, createdAt) VALUES (?, ?, ?, 5, '', NULL, ?, ?)",
    );
    quarters.forEach((q, i) => {
      cycle.run(q.id, `Q${i + 1}`, q.startsOn, q.endsOn, i === QUARTERS - 1 ? 'active' : 'closed', nowIso, nowIso);
      const oid = randomUUID();
      objective.run(oid, q.id, `Objective ${i}`, nowIso, nowIso);
      for (let k = 0; k < KRS / QUARTERS; k++) {
        const id = randomUUID();
        krs.push({ id, quarter: i });
        kr.run(id, oid, `Key result ${i}.${k}`, nowIso, nowIso);
      }
    });
    for (const k of krs) {
      let value = 0;
      for (let w = WEEKS; w >= 1; w--) {
        value += rand() < 0.2 ? 5 + rand() * 10 : rand() * 2;
        const at = new Date(now - w * 7 * DAY_MS).toISOString();
        checkIn.run(randomUUID(), k.id, Math.round(value * 100) / 100, at, at);
        checkIns++;
      }
    }
    const item = raw.prepare(
      "INSERT INTO backlog_items (id, title, description, type, status, teamId, rank, reach, impact, confidence, effort, businessValue, timeCriticality, riskReduction, jobSize, ease, externalKey, labels, doneAt, version, createdAt, updatedAt) VALUES (?, ?, '', 'feature', ?, NULL, ?, 100, ?, ?, ?, 5, 3, 2, 3, 5, NULL, '[]', ?, 1, ?, ?)",
    );
    const link = raw.prepare(
      'INSERT INTO backlog_links (itemId, keyResultId, strength, createdAt) VALUES (?, ?, ?, ?)',
    );
    const impacts = [0.25, 0.5, 1, 2, 3];
    for (let i = 0; i < ITEMS; i++) {
      const id = randomUUID();
      const k = krs[Math.floor(rand() * krs.length)] as (typeof krs)[number];
      const q = quarters[k.quarter] as (typeof quarters)[number];
      const isDone = i % 2 === 0;
      const doneAt = isDone ? new Date(q.start + rand() * (Math.min(q.end, now) - q.start)).toISOString() : null;
      if (isDone) done++;
      const effort = rand() < 0.05 ? null : [1, 2, 3, 5, 8, 13][Math.floor(rand() * 6)];
      item.run(
        id,
        `Item ${i}`,
        isDone ? 'done' : 'ready',
        i * 1024,
        impacts[Math.floor(rand() * 5)],
        0.5 + rand() / 2,
        effort,
        doneAt,
        nowIso,
        nowIso,
      );
      if (rand() < 0.9) link.run(id, k.id, 1 + Math.floor(rand() * 3), nowIso);
    }
  })();
  return { done, checkIns };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
