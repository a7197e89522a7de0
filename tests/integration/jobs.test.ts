import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database';
import { openDatabase } from '../../server/src/schema';
import { Leases } from '../../server/src/jobs/lease';
import { Scheduler, type JobRun } from '../../server/src/jobs/scheduler';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases';

const logger = pino({ level: 'silent' });
const MONDAY_9 = '0 9 * * 1';

/**
 * The scheduler as several app servers would run it, with a clock the test
 * moves so weeks pass in milliseconds. On PostgreSQL each "server" is its
 * own Database (its own pool) over one schema. On SQLite they share the
 * process's one connection (better-sqlite3 blocks the event loop on a
 * locked file, so one process keeps one connection): each scheduler is
 * still its own holder with its own claims, as another process would be.
 */
describeEachDatabase('scheduled jobs and leases', (kind) => {
  let testDb: TestDatabase;
  const opened: Database[] = [];
  let now = Date.parse('2026-01-07T12:00:00Z'); // a Wednesday
  const clock = () => now;

  async function server(): Promise<Database> {
    if (kind === 'sqlite' && opened[0]) return opened[0];
    const db = await openDatabase(testDb.url, { schema: testDb.schema, poolSize: 4 });
    opened.push(db);
    return db;
  }
  function scheduler(db: Database): Scheduler {
    return new Scheduler(db, logger, { pollMs: 60_000, clock, timers: false });
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    await (await server()).migrate();
  });
  afterAll(async () => {
    for (const db of opened) await db.close();
    await testDb.drop();
  });

  it('runs each slot once, not again after a restart, and once (not per missed slot) after downtime', async () => {
    const runs: string[] = [];
    const job = {
      name: 'weekly',
      schedule: MONDAY_9,
      run: async ({ slot }: JobRun) => void runs.push(slot.toISOString()),
    };
    const first = scheduler(await server());
    first.register(job);
    await first.tick();
    expect(runs, 'a job seen for the first time waits for its next slot').toEqual([]);

    now = Date.parse('2026-01-12T09:00:30Z');
    await first.tick();
    await first.tick();
    expect(runs).toEqual(['2026-01-12T09:00:00.000Z']);

    const restarted = scheduler(await server());
    restarted.register(job);
    await restarted.tick();
    expect(runs, 'a restart does not run the finished slot again').toHaveLength(1);

    now = Date.parse('2026-02-04T10:00:00Z'); // three Mondays missed
    await restarted.tick();
    await restarted.tick();
    expect(runs).toEqual(['2026-01-12T09:00:00.000Z', '2026-02-02T09:00:00.000Z']);
  });

  it('of three servers ticking at once, exactly one runs each slot', async () => {
    const servers = await Promise.all([1, 2, 3].map(async () => scheduler(await server())));
    const runs: { slot: string; by: number }[] = [];
    servers.forEach((s, by) =>
      s.register({
        name: 'every-ten-minutes',
        schedule: '*/10 * * * *',
        run: async ({ slot }) => {
          await new Promise((r) => setTimeout(r, 5));
          runs.push({ slot: slot.toISOString(), by });
        },
      }),
    );
    await Promise.all(servers.map((s) => s.tick()));
    for (let slot = 1; slot <= 5; slot++) {
      now += 10 * 60_000;
      await Promise.all(servers.map((s) => s.tick()));
    }
    const slots = runs.map((r) => r.slot);
    expect(slots).toHaveLength(5);
    expect(new Set(slots).size).toBe(5);
  });

  it('takes over a slot whose server died once its lease lapses, and retries a failed run', async () => {
    const db = await server();
    const dying = scheduler(db);
    let hang: () => void = () => undefined;
    dying.register({
      name: 'nightly',
      schedule: '0 2 * * *',
      leaseMs: 60_000,
      run: () => new Promise<void>((resolve) => (hang = resolve)), // never returns on its own: the server "died"
    });
    await dying.tick();
    now = Date.parse(new Date(now + 86_400_000).toISOString().slice(0, 10) + 'T02:00:05Z');
    void dying.tick();
    await new Promise((r) => setTimeout(r, 50));

    const runs: string[] = [];
    let failNext = true;
    const survivor = scheduler(await server());
    survivor.register({
      name: 'nightly',
      schedule: '0 2 * * *',
      leaseMs: 60_000,
      retryMs: 30_000,
      run: async ({ slot }) => {
        if (failNext) {
          failNext = false;
          throw new Error('tracker unreachable');
        }
        runs.push(slot.toISOString());
      },
    });
    await survivor.tick();
    expect(runs, 'the dead server still holds its lease').toEqual([]);
    now += 61_000;
    await survivor.tick();
    expect(runs, 'the first try after the takeover failed').toEqual([]);
    expect((await survivor.status())[0]?.lastError).toBe('tracker unreachable');
    now += 10_000;
    await survivor.tick();
    expect(runs, 'not before retryMs').toEqual([]);
    now += 25_000;
    await survivor.tick();
    expect(runs).toHaveLength(1);
    expect((await survivor.status())[0]?.lastError).toBeNull();
    hang();
  });

  it('lets one holder at a time run exclusive work, and frees it when done', async () => {
    const [a, b] = [new Leases(await server(), 'server-a', clock), new Leases(await server(), 'server-b', clock)];
    let release: () => void = () => undefined;
    const running = a.runExclusive(
      'sync:jira',
      30_000,
      () => new Promise<string>((r) => (release = () => r('a done'))),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.runExclusive('sync:jira', 30_000, async () => 'b')).toEqual({ ran: false });
    release();
    expect(await running).toEqual({ ran: true, value: 'a done' });
    expect(await b.runExclusive('sync:jira', 30_000, async () => 'b')).toEqual({ ran: true, value: 'b' });
    // A holder that vanished without releasing blocks the work only until its lease lapses.
    expect(await a.acquire('nightly-pass', 30_000)).toBe(true);
    expect(await b.acquire('nightly-pass', 30_000)).toBe(false);
    now += 31_000;
    expect(await b.acquire('nightly-pass', 30_000)).toBe(true);
  });
});
