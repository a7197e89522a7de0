import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { TEST_DATABASE_URL } from '../support/databases';
import { ADMIN, type ServerProcess } from '../support/server-process';
import { reportFigures, sized } from './support/mode';
import { createDedicatedDatabase } from './support/pg-database';
import { killHard, startApiProcess } from './support/process';
import { auditEventsOf, raceReadModifyWrite } from './support/race';

const RACERS = 20;
const ROUNDS = sized(5, 50);
const MAX_FAILURES = 3;

/**
 * Two app servers on one PostgreSQL database, each request going to either
 * with no sticky routing: sessions, the sign-in throttle and optimistic
 * concurrency must hold across them, because all three live in the database.
 * PostgreSQL only (SQLite is the one-server database).
 */
describe.skipIf(!TEST_DATABASE_URL)('two app servers on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createDedicatedDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  const startedBoth: { ms: number } = { ms: 0 };

  beforeAll(async () => {
    database = await createDedicatedDatabase();
    const env = { DATABASE_URL: database.url, LOGIN_MAX_FAILURES: String(MAX_FAILURES) };
    // Both start at once on the empty database: migrations and the first admin must not collide.
    const t0 = Date.now();
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    startedBoth.ms = Date.now() - t0;
  }, 180_000);

  afterAll(async () => {
    for (const s of [a, b]) if (s) await killHard(s);
    await database?.drop();
  });

  it('shares sessions: signed in on one server, known on the other; signed out on the other, gone on both', async () => {
    const onA = new ApiClient(a.baseUrl);
    await onA.login(ADMIN.email, ADMIN.password);
    const onB = new ApiClient(b.baseUrl).useSessionCookie(onA.sessionCookie);
    expect((await onB.get('/api/auth/me')).body.user.email).toBe(ADMIN.email);
    // A write on one is read on the other at once.
    const created = await onA.post('/api/teams', { name: 'Made on A' });
    expect(created.status).toBe(201);
    expect((await onB.get(`/api/teams/${created.body.id}`)).body.name).toBe('Made on A');
    expect((await onB.post('/api/auth/logout')).status).toBe(204);
    expect((await new ApiClient(a.baseUrl).useSessionCookie(onA.sessionCookie).get('/api/auth/me')).status).toBe(401);
  });

  it(`counts failed sign-ins across both servers: ${MAX_FAILURES} spread over A and B, and the next try on either is 429`, async () => {
    const admin = new ApiClient(a.baseUrl);
    await admin.login(ADMIN.email, ADMIN.password);
    const email = `spread-${Date.now()}@test.local`;
    expect(
      (await admin.post('/api/users', { email, name: 'Spread', role: 'editor', password: 'spread across servers' }))
        .status,
    ).toBe(201);
    const servers = [a, b, a];
    for (const [i, s] of servers.entries()) {
      expect(
        (
          await new ApiClient(s.baseUrl).post('/api/auth/login', {
            email,
            password: `wrong ${i} on ${s === a ? 'A' : 'B'}`,
          })
        ).status,
      ).toBe(401);
    }
    for (const s of [b, a]) {
      const res = await new ApiClient(s.baseUrl).post('/api/auth/login', { email, password: 'spread across servers' });
      expect(res.status).toBe(429);
    }
  });

  it(`lets exactly one of ${RACERS} racers split over both servers win each version, ${ROUNDS} rounds`, async () => {
    const admin = new ApiClient(a.baseUrl);
    await admin.login(ADMIN.email, ADMIN.password);
    const cycle = (
      await admin.post('/api/cycles', { name: 'Two servers', startsOn: '2026-10-01', endsOn: '2026-12-31' })
    ).body;
    const objective = (await admin.post('/api/objectives', { cycleId: cycle.id, title: 'Hold across servers' })).body;
    const kr = (
      await admin.post('/api/key-results', {
        objectiveId: objective.id,
        title: 'One winner',
        startValue: 0,
        targetValue: 1000,
        unit: '#',
      })
    ).body;
    const item = (await admin.post('/api/backlog-items', { title: 'Raced item', effort: 1 })).body;
    const racers = Array.from({ length: RACERS }, (_, i) =>
      new ApiClient((i % 2 ? b : a).baseUrl).useSessionCookie(admin.sessionCookie),
    );
    const figures: Record<string, number | string> = {
      racers: `${RACERS} (10 on each server)`,
      rounds: ROUNDS,
      'both servers ready after (ms, started together)': startedBoth.ms,
    };
    for (const [label, entity, path, field, start] of [
      ['kr', 'keyResult', `/api/key-results/${kr.id}`, 'currentValue', 0],
      ['item', 'backlogItem', `/api/backlog-items/${item.id}`, 'effort', 1],
    ] as const) {
      const result = await raceReadModifyWrite(
        racers,
        { path, modify: (row, racer) => ({ [field]: row[field] + 1, title: `${label} by racer ${racer}` }) },
        ROUNDS,
      );
      const final = (await admin.get(path)).body;
      const audited = await auditEventsOf(admin, entity, path.split('/').at(-1)!, 'update');
      figures[`${label}: successes (won on A / on B)`] =
        `${result.successes} (${result.winners.filter((i) => i % 2 === 0).length} / ${result.winners.filter((i) => i % 2 === 1).length})`;
      figures[`${label}: 412 conflicts`] = result.conflicts;
      figures[`${label}: other answers`] = result.other.length;
      figures[`${label}: rounds without exactly one winner`] = result.roundsWithoutOneWinner;
      figures[`${label}: final version`] = final.version;
      figures[`${label}: audit update rows`] = audited.length;
      expect(result.successes).toBe(ROUNDS);
      expect(result.other).toEqual([]);
      expect(result.roundsWithoutOneWinner).toBe(0);
      expect(result.conflicts).toBe(ROUNDS * (RACERS - 1));
      expect(result.staleConflictBodies).toBe(0);
      expect(result.wonVersions).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 2));
      expect(final.version).toBe(1 + result.successes);
      expect(final[field]).toBe(start + result.successes);
      expect(audited).toHaveLength(result.successes);
    }
    reportFigures('two-servers', figures);
  }, 600_000);

  it('stops both cleanly', async () => {
    const [codeA, codeB] = await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    expect([codeA, codeB]).toEqual([0, 0]);
  });
});
