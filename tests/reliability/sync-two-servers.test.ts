import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { TEST_DATABASE_URL } from '../support/databases';
import { startFakeTrackers, type FakeTrackers } from '../support/fake-trackers';
import { ADMIN, type ServerProcess } from '../support/server-process';
import { reportFigures } from './support/mode';
import { createDedicatedDatabase } from './support/pg-database';
import { killHard, startApiProcess } from './support/process';

const ISSUES = 250;
const CALLS_PER_SERVER = 6;

/**
 * Two app servers on one PostgreSQL database, both asked at once to sync the
 * same tracker connection (and both running the scheduler): at most one run
 * of a connection goes at a time, across servers, and the issues land once.
 */
describe.skipIf(!TEST_DATABASE_URL)('tracker sync on two app servers sharing one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createDedicatedDatabase>>;
  let fake: FakeTrackers;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createDedicatedDatabase();
    fake = await startFakeTrackers();
    for (let n = 1; n <= ISSUES; n++) fake.github.add(n, { title: `Issue ${n}`, labels: ['roadmap'] });
    const env = { DATABASE_URL: database.url, KEYLINE_SECRET_KEY: randomBytes(32).toString('base64') };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 180_000);

  afterAll(async () => {
    for (const s of [a, b]) if (s) await killHard(s);
    await fake?.stop();
    await database?.drop();
  });

  it(`runs one sync at a time when ${CALLS_PER_SERVER} "sync now" calls hit each server at once`, async () => {
    const onA = new ApiClient(a.baseUrl);
    const onB = new ApiClient(b.baseUrl);
    await onA.login(ADMIN.email, ADMIN.password);
    await onB.login(ADMIN.email, ADMIN.password);
    // The first page answers 503 after a second and a half (then succeeds on the retry): the run is still going
    // while every other call arrives.
    fake.fail('/issues', { status: 503, delayMs: 1_500 });
    const created = await onA.post('/api/integrations', {
      kind: 'github',
      name: 'Web repo',
      baseUrl: fake.githubUrl,
      repo: fake.github.repo,
      token: fake.github.token,
      labelsFilter: ['roadmap'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    const answers = await Promise.all(
      Array.from({ length: CALLS_PER_SERVER * 2 }, (_, i) => (i % 2 ? onB : onA).post(`/api/integrations/${id}/sync`)),
    );
    const statuses = answers.map((r) => r.status);
    // Each call answers the run (new or in progress), or 409 while another server is just taking the lease.
    expect(
      statuses.every((s) => s === 202 || s === 409),
      JSON.stringify(answers.map((r) => r.body)),
    ).toBe(true);
    const runIds = new Set(answers.filter((r) => r.status === 202).map((r) => r.body.id));
    expect(runIds.size).toBe(1);

    let runs: any[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      runs = (await onB.get(`/api/integrations/${id}/runs`)).body;
      if (runs.length && runs.every((r) => r.state !== 'running')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(runs.map((r) => r.state)).toEqual(['succeeded']);
    expect(runs[0]).toMatchObject({ fetched: ISSUES, created: ISSUES });

    const items = (await onA.get('/api/backlog-items?limit=500')).body.items as { externalKey: string }[];
    const keys = items.map((i) => i.externalKey);
    expect(keys).toHaveLength(ISSUES);
    expect(new Set(keys).size).toBe(ISSUES);
    // Three pages of 100, each asked for once (plus the one retry of the first): no second run read them.
    const pages = fake.log.filter((r) => r.method === 'GET' && r.path.endsWith('/issues'));
    reportFigures('sync-two-servers', {
      'sync calls': answers.length,
      'answered 202': statuses.filter((s) => s === 202).length,
      'answered 409': statuses.filter((s) => s === 409).length,
      'runs made': runs.length,
      'issue pages fetched': pages.length,
    });
    expect(pages).toHaveLength(4);
  }, 120_000);
});
