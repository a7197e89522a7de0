/*
 * Tracker sync benchmark: `npm run bench:sync` (BENCH_DATABASE=postgres with
 * TEST_DATABASE_URL set measures PostgreSQL). The real app over HTTP on a
 * fresh database, syncing from the local Jira server the integration tests
 * use (tests/support/fake-trackers.ts), and prints three figures against
 * their goals: the initial sync of 10,000 issues at 100 per page,
 * an incremental run with 50 changes, and how long a webhook takes to show
 * in the backlog. Not a timed test: the figures go in docs/INTEGRATIONS.md.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { adf, signBody, startFakeTrackers } from '../support/fake-trackers';
import { startTestServer, type TestServer } from '../support/test-server';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 10_000);
const CHANGES = 50;
const WEBHOOKS = 20;
const GOALS = { initial: 60_000, incremental: 2_000, webhook: 1_000 };

async function main(): Promise<void> {
  const kind = process.env.BENCH_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  const fake = await startFakeTrackers();
  const t: TestServer = await startTestServer(kind, { KEYLINE_SECRET_KEY: randomBytes(32).toString('base64') });
  try {
    // Issues changed over the last 30 days, the latest 3 hours ago: a live project's spread.
    const now = Date.now();
    for (let n = 1; n <= ISSUES; n++) {
      fake.jira.add(n, {
        summary: `Backlog item ${n}: make the ${n % 7 === 0 ? 'billing' : 'onboarding'} flow faster`,
        description: adf(
          `As a user I want thing ${n}, so that I can finish my work.`,
          'Acceptance: mobile and desktop.',
        ),
        status: (['todo', 'selected', 'progress', 'custom', 'done'] as const)[n % 5],
        type: ['Story', 'Bug', 'Task', 'Spike'][n % 4],
        labels: n % 3 ? ['growth'] : [],
        components: n % 2 ? ['Platform'] : [],
        points: n % 9 === 0 ? null : (n % 13) + 1,
        updated: new Date(now - 3 * 3_600_000 - (ISSUES - n) * ((30 * 86_400_000) / ISSUES)),
      });
    }
    await t.admin.post('/api/teams', { name: 'Platform' });
    const created = await t.admin.post('/api/integrations', {
      kind: 'jira',
      name: 'Bench Jira',
      baseUrl: fake.jiraUrl,
      email: fake.jira.email,
      apiToken: fake.jira.token,
      jql: 'project = ABC',
      fieldMap: { storyPoints: 'customfield_10016', team: 'components' },
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const conn = created.body;

    const initial = await timedRun(t, conn.id);
    const items = (await t.viewer.get('/api/backlog-items?limit=1')).body.total;
    if (initial.run.state !== 'succeeded' || items !== ISSUES) {
      throw new Error(`initial sync: ${JSON.stringify(initial.run)}, ${items} items`);
    }

    for (let n = 1; n <= CHANGES; n++) fake.jira.edit(`ABC-${n * 7}`, { summary: `Changed item ${n * 7}` });
    const incremental = await timedRun(t, conn.id);
    if (incremental.run.updated !== CHANGES) throw new Error(`incremental: ${JSON.stringify(incremental.run)}`);

    const latencies: number[] = [];
    const target = (await t.viewer.get('/api/backlog-items?q=ABC-4242&limit=1')).body.items[0];
    for (let i = 1; i <= WEBHOOKS; i++) {
      const title = `Edited in Jira, take ${i}`;
      fake.jira.edit('ABC-4242', { summary: title });
      const body = fake.jira.webhookBody('jira:issue_updated', 'ABC-4242');
      const sent = performance.now();
      const res = await t.anonymous.request('POST', `/api/hooks/jira/${conn.id}`, {
        rawBody: body,
        headers: { 'content-type': 'application/json', 'x-hub-signature': signBody(conn.webhookSecret, body) },
      });
      if (res.status !== 200) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
      // Visible: a backlog read answers the new title.
      while ((await t.viewer.get(`/api/backlog-items/${target.id}`)).body.title !== title) {
        if (performance.now() - sent > 10_000) throw new Error('webhook change never became visible');
      }
      latencies.push(performance.now() - sent);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const worst = latencies.at(-1) ?? 0;

    const line = (name: string, ms: number, goal: number, extra = '') =>
      `${name.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s   goal ≤ ${(goal / 1000).toFixed(0)} s   ${ms <= goal ? 'met' : 'MISSED'}${extra}`;
    process.stdout.write(
      [
        '',
        `Tracker sync on ${kind}, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)} (Node ${process.version})`,
        line(
          `Initial sync, ${ISSUES.toLocaleString('en')} issues at 100 per page`,
          initial.ms,
          GOALS.initial,
          `   (${Math.round(ISSUES / (initial.ms / 1000)).toLocaleString('en')} issues/s)`,
        ),
        line(
          `Incremental run, ${CHANGES} changes`,
          incremental.ms,
          GOALS.incremental,
          `   (${incremental.run.fetched} fetched)`,
        ),
        line(`Webhook to visible, median of ${WEBHOOKS}`, median, GOALS.webhook, `   (worst ${worst.toFixed(0)} ms)`),
        '',
      ].join('\n'),
    );
  } finally {
    await t.services.syncEngine.idle();
    await t.stop();
    await fake.stop();
  }
}

/** POST sync, then poll the run as the Integrations tab does, until it ends. */
async function timedRun(t: TestServer, id: string): Promise<{ ms: number; run: any }> {
  const started = performance.now();
  const res = await t.admin.post(`/api/integrations/${id}/sync`, {});
  if (res.status !== 202) throw new Error(`sync: ${res.status} ${JSON.stringify(res.body)}`);
  for (;;) {
    const [run] = (await t.admin.get(`/api/integrations/${id}/runs?limit=1`)).body;
    if (run.state !== 'running') return { ms: performance.now() - started, run };
    await new Promise((r) => setTimeout(r, 25));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
