import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../server/src/features/integrations/sync-engine';
import { SecretBox } from '../../server/src/features/integrations/secret-box';
import { registerTrackerSync, TRACKER_SYNC_JOB } from '../../server/src/features/integrations/sync-schedule';
import { Scheduler } from '../../server/src/jobs/scheduler';
import type { Database } from '../../server/src/db/database';
import { openDatabase } from '../../server/src/schema';
import { pino } from 'pino';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { adf, signBody, startFakeTrackers, type FakeTrackers } from '../support/fake-trackers';
import { startTestServer, type TestServer } from '../support/test-server';

const SECRET_KEY = randomBytes(32).toString('base64');
const FAST = { attempts: 4, baseMs: 5, maxWaitMs: 5_000, timeoutMs: 5_000 };

async function setUp(kind: 'sqlite' | 'postgres') {
  const t = await startTestServer(kind, { KEYLINE_SECRET_KEY: SECRET_KEY });
  t.services.syncEngine.options = { ...t.services.syncEngine.options, pageSize: 2, retry: FAST };
  return t;
}

/** Runs a sync through the API and waits for it to end, as the Integrations tab does. */
async function syncNow(t: TestServer, id: string, mode?: 'full' | 'incremental') {
  const started = await t.admin.post(`/api/integrations/${id}/sync`, mode ? { mode } : {});
  expect(started.status).toBe(202);
  await t.services.syncEngine.idle();
  const runs = await t.admin.get(`/api/integrations/${id}/runs`);
  return runs.body[0];
}

async function items(t: TestServer, q = '') {
  const res = await t.viewer.get(`/api/backlog-items?limit=500${q}`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
}

const byKey = (list: any[], key: string) => list.find((i) => i.externalKey === key);

describeEachDatabase('tracker sync: Jira Cloud', (kind) => {
  let t: TestServer;
  let fake: FakeTrackers;
  let conn: any;
  let webhookSecret: string;
  let platform: any;

  beforeAll(async () => {
    [t, fake] = await Promise.all([setUp(kind), startFakeTrackers()]);
    platform = await buildTeam(t.admin, { name: 'Platform' });
    const { jira } = fake;
    jira.add(1, {
      summary: 'SSO for teams',
      description: adf('Okta first.', 'Then Azure AD.'),
      status: 'selected',
      components: ['Platform'],
      points: 5,
      labels: ['auth'],
    });
    jira.add(2, { summary: 'Bulk CSV import', status: 'custom', components: ['Payments'], points: 8 });
    jira.add(3, { summary: 'Dark mode', status: 'done', type: 'Bug', points: 0 });
    jira.add(4, { summary: 'A sub-task', type: 'Sub-task', subtask: true });
    jira.add(5, { summary: 'Not in the query', matches: false });
    jira.add(6, { summary: 'Won’t ship', status: 'done', resolution: "Won't Do" });
  });
  afterAll(async () => {
    await t.services.syncEngine.idle();
    await Promise.all([t.stop(), fake.stop()]);
  });

  it('adds a connection: the token is encrypted at rest and never answered; a test reaches the account, the count and the fields', async () => {
    const res = await t.admin.post('/api/integrations', {
      kind: 'jira',
      name: 'Acme Jira',
      baseUrl: `${fake.jiraUrl}/`,
      email: fake.jira.email,
      apiToken: fake.jira.token,
      jql: 'project = ABC ORDER BY rank',
      fieldMap: { storyPoints: 'customfield_10016', team: 'components' },
    });
    expect(res.status).toBe(201);
    conn = res.body;
    webhookSecret = conn.webhookSecret;
    expect(conn).toMatchObject({
      kind: 'jira',
      state: 'active',
      hasToken: true,
      hasWebhookSecret: true,
      baseUrl: fake.jiraUrl,
    });
    expect(conn.webhookSecret).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(conn)).not.toContain(fake.jira.token);

    const listed = await t.admin.get('/api/integrations');
    expect(JSON.stringify(listed.body)).not.toContain(fake.jira.token);
    expect(listed.body[0].webhookSecret).toBeUndefined();
    const stored = await t.db.read((m) => m.query('SELECT * FROM integration_secrets'));
    expect(JSON.stringify(stored)).not.toContain(fake.jira.token);
    expect(JSON.stringify(stored)).not.toContain(conn.webhookSecret);
    const audit = await t.admin.get(`/api/audit-events?entity=connection&entityId=${conn.id}`);
    expect(JSON.stringify(audit.body)).not.toContain(fake.jira.token);

    const test = await t.admin.post(`/api/integrations/${conn.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: true, account: 'Sync Bot', matchingIssues: 5, message: null });
    expect(test.body.fields).toEqual([
      { role: 'storyPoints', id: 'customfield_10016', name: 'Story point estimate', found: true },
      { role: 'team', id: 'components', name: 'Components', found: true },
    ]);
    expect(test.body.suggestions).toEqual([{ id: 'customfield_10016', name: 'Story point estimate' }]);
  });

  it('refuses bad input and other roles, changing nothing', async () => {
    const bad = await t.admin.post('/api/integrations', {
      kind: 'jira',
      name: 'x',
      baseUrl: 'ftp://x',
      email: 'no',
      apiToken: '',
      jql: '',
    });
    expectCleanError(bad, 400, 'VALIDATION_FAILED');
    expect((await t.editor.get('/api/integrations')).status).toBe(403);
    const wrongKind = await t.admin.patch(`/api/integrations/${conn.id}`, { repo: 'a/b' }, conn.version);
    expectCleanError(wrongKind, 400, 'VALIDATION_FAILED');
    expect((await t.admin.get('/api/integrations')).body).toHaveLength(1);
  });

  it('syncs page by page: maps the fields, skips sub-tasks and what the query leaves out, lists unknown teams', async () => {
    const run = await syncNow(t, conn.id);
    expect(run).toMatchObject({ state: 'succeeded', mode: 'full', fetched: 5, created: 4, updated: 0, archived: 0 });
    expect(run.errors).toEqual([{ key: 'ABC-2', reason: expect.stringContaining('No team named "Payments"') }]);
    // Paged at 2 per page, by the current API, with an explicit field list.
    const searches = fake.log.filter((r) => r.path === '/jira/rest/api/3/search/jql');
    expect(searches).toHaveLength(3);
    expect(searches[0]?.query.fields?.split(',')).toEqual(
      expect.arrayContaining([
        'summary',
        'description',
        'status',
        'issuetype',
        'labels',
        'customfield_10016',
        'components',
      ]),
    );
    expect(searches[1]?.query.nextPageToken).toBeTruthy();
    expect(fake.log.some((r) => r.path === '/jira/rest/api/3/search')).toBe(false);

    const list = await items(t);
    expect(list.map((i) => i.externalKey).sort()).toEqual(['ABC-1', 'ABC-2', 'ABC-3', 'ABC-6']);
    expect(byKey(list, 'ABC-1')).toMatchObject({
      title: 'SSO for teams',
      description: 'Okta first.\n\nThen Azure AD.',
      status: 'ready',
      type: 'feature',
      effort: 5,
      teamId: platform.id,
      labels: ['auth'],
      archivedAt: null,
      source: { kind: 'jira', key: 'ABC-1', url: `${fake.jiraUrl}/browse/ABC-1`, connectionId: conn.id },
    });
    expect(byKey(list, 'ABC-2')).toMatchObject({ status: 'in-progress', teamId: null, effort: 8 });
    expect(byKey(list, 'ABC-3')).toMatchObject({ status: 'done', type: 'bug', effort: null });
    expect(byKey(list, 'ABC-6')).toMatchObject({ status: 'dropped' });
  });

  it('keeps tracker fields read-only in Keyline, and Keyline’s own fields editable', async () => {
    const item = byKey(await items(t), 'ABC-1');
    const refused = await t.editor.patch(`/api/backlog-items/${item.id}`, { title: 'Renamed here' }, item.version);
    expectCleanError(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toContain('Jira');
    const own = await t.editor.patch(
      `/api/backlog-items/${item.id}`,
      { reach: 500, title: 'SSO for teams' },
      item.version,
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ reach: 500, title: 'SSO for teams' });
    expectCleanError(await t.editor.delete(`/api/backlog-items/${item.id}`, own.body.version), 409, 'CONFLICT');
  });

  it('fetches only what changed since the last good run, in the Jira user’s time zone, with an overlap', async () => {
    const { syncedUntil } = (await t.admin.get(`/api/integrations/${conn.id}`)).body;
    fake.jira.edit('ABC-2', { summary: 'Bulk CSV import, v2', status: fake.jira.status('done') });
    fake.log.length = 0;
    const run = await syncNow(t, conn.id);
    expect(run).toMatchObject({ state: 'succeeded', mode: 'incremental', updated: 1, created: 0 });
    const jql = fake.log.find((r) => r.path.endsWith('/search/jql'))?.query.jql ?? '';
    // Ten minutes before the high-water mark, written in the Jira user's zone (Europe/Berlin), to the minute.
    const since = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(Date.parse(syncedUntil) - 10 * 60_000));
    expect(jql).toBe(`(project = ABC) AND updated >= "${since.replace(/-/g, '/')}" ORDER BY key ASC`);
    expect(byKey(await items(t), 'ABC-2')).toMatchObject({ title: 'Bulk CSV import, v2', status: 'done' });
  });

  it('honours 429 Retry-After and retries 5xx with backoff; the run succeeds', async () => {
    fake.jira.edit('ABC-3', { summary: 'Dark mode (again)' });
    fake.fail('/search/jql', { status: 429, headers: { 'retry-after': '1' } }, { status: 503 }, { status: 502 });
    const started = Date.now();
    const run = await syncNow(t, conn.id);
    expect(run).toMatchObject({ state: 'succeeded', updated: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(byKey(await items(t), 'ABC-3').title).toBe('Dark mode (again)');
  });

  it('a refused token (401) pauses the connection with a message an admin can act on, and changes nothing', async () => {
    const before = await items(t);
    fake.jira.token = 'rotated';
    fake.jira.edit('ABC-1', { summary: 'Changed while the token was bad' });
    const run = await syncNow(t, conn.id);
    expect(run.state).toBe('failed');
    expect(run.message).toMatch(/Jira refused the token \(401\).*new token/);
    const after = await t.admin.get(`/api/integrations/${conn.id}`);
    expect(after.body).toMatchObject({ state: 'auth-failed', stateMessage: expect.stringContaining('401') });
    expect(await items(t)).toEqual(before);
    expectCleanError(await t.admin.post(`/api/integrations/${conn.id}/sync`, {}), 409, 'CONFLICT');

    const fixed = await t.admin.patch(`/api/integrations/${conn.id}`, { apiToken: 'rotated' }, after.body.version);
    expect(fixed.body.state).toBe('active');
    conn = fixed.body;
    expect((await syncNow(t, conn.id)).state).toBe('succeeded');
    expect(byKey(await items(t), 'ABC-1').title).toBe('Changed while the token was bad');
  });

  it('a full pass archives what no longer matches (links kept) and restores it when it matches again', async () => {
    const kr = await buildKeyResult(t.editor);
    const item = byKey(await items(t), 'ABC-6');
    expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 3 })).status).toBe(200);
    fake.jira.issues.get('ABC-6')!.matches = false;
    const incremental = await syncNow(t, conn.id);
    expect(incremental.archived).toBe(0);
    const full = await syncNow(t, conn.id, 'full');
    expect(full).toMatchObject({ state: 'succeeded', mode: 'full', archived: 1 });
    expect(byKey(await items(t), 'ABC-6')).toBeUndefined();
    const archived = await t.viewer.get(`/api/backlog-items/${item.id}`);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(archived.body.links).toEqual([{ keyResultId: kr.id, strength: 3 }]);
    expect((await t.viewer.get(`/api/audit-events?entityId=${item.id}`)).body.items.length).toBeGreaterThan(1);

    fake.jira.issues.get('ABC-6')!.matches = true;
    fake.jira.edit('ABC-6', {});
    expect(await syncNow(t, conn.id)).toMatchObject({ restored: 1 });
    expect(byKey(await items(t), 'ABC-6')).toMatchObject({
      id: item.id,
      archivedAt: null,
      links: [{ keyResultId: kr.id, strength: 3 }],
    });
  });

  it('a full pass that matches nothing archives nothing, and says why', async () => {
    for (const issue of fake.jira.issues.values()) issue.matches = false;
    const run = await syncNow(t, conn.id, 'full');
    expect(run).toMatchObject({ state: 'succeeded', archived: 0 });
    expect(run.errors.at(-1).reason).toContain('matched no issue');
    expect((await items(t)).length).toBe(4);
    for (const [key, issue] of fake.jira.issues) issue.matches = key !== 'ABC-5';
  });

  it('webhooks: an unverified delivery gets 401 and changes nothing; a signed one updates its item at once', async () => {
    const hook = `/api/hooks/jira/${conn.id}`;
    fake.jira.edit('ABC-1', { summary: 'SSO, from a webhook' });
    const body = fake.jira.webhookBody('jira:issue_updated', 'ABC-1');
    const unsigned = await t.anonymous.request('POST', hook, {
      rawBody: body,
      headers: { 'content-type': 'application/json' },
    });
    expectCleanError(unsigned, 401, 'UNAUTHENTICATED');
    const forged = await t.anonymous.request('POST', hook, {
      rawBody: body,
      headers: { 'content-type': 'application/json', 'x-hub-signature': signBody('not-the-secret', body) },
    });
    expectCleanError(forged, 401, 'UNAUTHENTICATED');
    expect(byKey(await items(t), 'ABC-1').title).not.toBe('SSO, from a webhook');

    // Jira's search lags: the webhook path asks for the issue reconciled, so it sees the new state.
    fake.jira.issues.get('ABC-1')!.indexed = { summary: 'SSO (stale index)' };
    const signed = await t.anonymous.request('POST', hook, {
      rawBody: body,
      headers: { 'content-type': 'application/json', 'x-hub-signature': signBody(webhookSecret, body) },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.result).toBe('updated');
    expect(byKey(await items(t), 'ABC-1').title).toBe('SSO, from a webhook');
    delete fake.jira.issues.get('ABC-1')!.indexed;

    // A Jira that cannot sign puts the secret in the URL; deleting the issue archives its item.
    const gone = fake.jira.webhookBody('jira:issue_deleted', 'ABC-3');
    fake.jira.issues.delete('ABC-3');
    const viaUrl = await t.anonymous.request('POST', `${hook}?secret=${encodeURIComponent(webhookSecret)}`, {
      rawBody: gone,
      headers: { 'content-type': 'application/json' },
    });
    expect(viaUrl.body.result).toBe('archived');
    expect(byKey(await items(t), 'ABC-3')).toBeUndefined();
  });

  it('a run cut short (a restart) resumes from its last committed page', async () => {
    for (let n = 10; n < 16; n++) fake.jira.add(n, { summary: `Batch ${n}` });
    fake.log.length = 0;
    const first = await t.services.syncEngine.start(conn.id, 'manual', 'full');
    expect(first.started).toBe(true);
    // Shutting down: the run stops after the page it is writing, and stays 'running' to be resumed.
    await t.services.syncEngine.stop();
    const left = (await t.admin.get(`/api/integrations/${conn.id}/runs`)).body[0];
    expect(left).toMatchObject({ id: first.run?.id, state: 'running' });
    expect(fake.log.filter((r) => r.path.endsWith('/search/jql'))).toHaveLength(1);

    // The restarted server (a new engine on the same database) picks the run up where it stopped.
    fake.log.length = 0;
    const restarted = engineOn(t);
    const resumed = await restarted.start(conn.id, 'schedule');
    expect(resumed).toMatchObject({ started: true, run: { id: left.id } });
    await restarted.idle();
    const calls = fake.log.filter((r) => r.path.endsWith('/search/jql'));
    expect(calls[0]?.query.nextPageToken).toBeTruthy();
    const done = (await t.admin.get(`/api/integrations/${conn.id}/runs`)).body[0];
    expect(done).toMatchObject({ id: left.id, state: 'succeeded', mode: 'full', archived: 0 });
    expect((await items(t)).filter((i) => i.title.startsWith('Batch'))).toHaveLength(6);

    if (kind === 'postgres') {
      // Two app servers on one PostgreSQL: only one of them runs the connection.
      const db2 = await openDatabase(t.testDb.url, { schema: t.testDb.schema });
      const a = engineOn(t);
      const b = engineOn(t, db2);
      try {
        fake.fail('/search/jql', { status: 200, delayMs: 300, body: { issues: [], isLast: true } });
        const both = await Promise.all([a.start(conn.id, 'manual'), b.start(conn.id, 'manual')]);
        expect(both.filter((s) => s.started)).toHaveLength(1);
        await Promise.all([a.idle(), b.idle()]);
      } finally {
        await db2.close();
      }
    }
  });
});

/** Another engine on a database: the same server after a restart, or a second app server. */
function engineOn(t: TestServer, db: Database = t.db) {
  const engine = new SyncEngine(db, new SecretBox(SECRET_KEY), t.services.scoring, pino({ level: 'silent' }));
  engine.options = { ...engine.options, pageSize: 2, retry: FAST };
  return engine;
}

describe('tracker sync: no KEYLINE_SECRET_KEY', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(() => t.stop());

  it('refuses to save a connection and says how to make a key; nothing is saved', async () => {
    const res = await t.admin.post('/api/integrations', {
      kind: 'github',
      name: 'Web',
      repo: 'acme/web',
      token: 'ghp_x',
    });
    expectCleanError(res, 409, 'SECRET_KEY_MISSING');
    expect(res.body.error.message).toContain('openssl rand -base64 32');
    expect((await t.admin.get('/api/integrations')).body).toEqual([]);
  });
});

describeEachDatabase('tracker sync: GitHub Issues and write-back', (kind) => {
  let t: TestServer;
  let fake: FakeTrackers;
  let conn: any;

  beforeAll(async () => {
    [t, fake] = await Promise.all([setUp(kind), startFakeTrackers()]);
    const { github } = fake;
    const old = new Date(Date.now() - 3 * 86_400_000);
    github.add(45, { title: 'Dark mode', labels: ['roadmap', 'points:3', 'bug'], updated: old });
    github.add(46, { title: 'Onboarding checklist', labels: ['roadmap'], updated: old });
    github.add(47, { title: 'A pull request', labels: ['roadmap'], pr: true, updated: old });
    github.add(48, {
      title: 'Not planned',
      labels: ['roadmap'],
      state: 'closed',
      state_reason: 'not_planned',
      updated: old,
    });
    github.add(49, { title: 'Not on the roadmap', labels: [], updated: old });
    github.add(50, { title: 'Tagged by a person', labels: ['roadmap', 'keyline-unaligned'], updated: old });
  });
  afterAll(async () => {
    await t.services.syncEngine.idle();
    await Promise.all([t.stop(), fake.stop()]);
  });

  it('syncs issues (not pull requests) by Link paging, with points labels and state reasons', async () => {
    const res = await t.admin.post('/api/integrations', {
      kind: 'github',
      name: 'Web repo',
      baseUrl: fake.githubUrl,
      repo: fake.github.repo,
      token: fake.github.token,
      labelsFilter: ['roadmap'],
      writeBack: true,
    });
    expect(res.status).toBe(201);
    conn = res.body;
    const test = await t.admin.post(`/api/integrations/${conn.id}/test`);
    expect(test.body).toMatchObject({ ok: true, account: 'keyline-bot', matchingIssues: 4 });

    const run = await syncNow(t, conn.id);
    expect(run).toMatchObject({ state: 'succeeded', fetched: 5, created: 4 });
    const list = await items(t);
    expect(list.map((i) => i.externalKey).sort()).toEqual(['acme/web#45', 'acme/web#46', 'acme/web#48', 'acme/web#50']);
    expect(byKey(list, 'acme/web#45')).toMatchObject({
      effort: 3,
      type: 'bug',
      status: 'idea',
      labels: ['roadmap', 'bug'],
      description: 'Body of **#45**',
      source: { kind: 'github', key: 'acme/web#45', url: 'https://github.com/acme/web/issues/45' },
    });
    expect(byKey(list, 'acme/web#48').status).toBe('dropped');
    const pages = fake.log.filter((r) => r.path === '/github/repos/acme/web/issues' && r.method === 'GET');
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query).toMatchObject({ state: 'all', per_page: '2', labels: 'roadmap' });
    expect(pages[1]?.query.page).toBe('2');
  });

  it('writes its verdict back as labels, and removes only labels it added', async () => {
    // Everything unlinked is flagged UNALIGNED: every open issue gets keyline-unaligned.
    const labels = (n: number) =>
      fake.github.issues
        .get(n)!
        .labels.map((l) => l.name)
        .sort();
    expect(labels(45)).toContain('keyline-unaligned');
    expect(labels(46)).toContain('keyline-unaligned');
    expect(labels(48)).not.toContain('keyline-unaligned'); // closed: no flag

    const cycle = await buildCycle(t.editor, { status: 'active' });
    const kr = await buildKeyResult(t.editor, {
      objectiveId: (await buildObjective(t.editor, { cycleId: cycle.id })).id,
    });
    const kr2 = await t.viewer.get(`/api/key-results/${kr.id}`);
    expect(kr2.body.code).toMatch(/^[a-z2-9]{4}$/);
    const list = await items(t);
    for (const key of ['acme/web#45', 'acme/web#50']) {
      expect(
        (await t.editor.put(`/api/backlog-items/${byKey(list, key).id}/links/${kr.id}`, { strength: 2 })).status,
      ).toBe(200);
    }
    fake.log.length = 0;
    const run = await syncNow(t, conn.id);
    expect(run.state).toBe('succeeded');
    expect(run.labelsWritten).toBe(3);
    expect(labels(45)).toEqual(['bug', `keyline-kr-${kr2.body.code}`, 'points:3', 'roadmap']);
    // A person put keyline-unaligned on #50 by hand: Keyline never removes a label it did not add.
    expect(labels(50)).toEqual([`keyline-kr-${kr2.body.code}`, 'keyline-unaligned', 'roadmap']);
    expect(labels(46)).toContain('keyline-unaligned');
    // Keyline's own labels never become item labels.
    expect(byKey(await items(t), 'acme/web#45').labels).toEqual(['roadmap', 'bug']);
  });

  it('GitHub webhooks: X-Hub-Signature-256 verified; edits update, leaving the filter archives', async () => {
    const hook = `/api/hooks/github/${conn.id}`;
    const send = (body: string, signature?: string) =>
      t.anonymous.request('POST', hook, {
        rawBody: body,
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issues',
          ...(signature && { 'x-hub-signature-256': signature }),
        },
      });
    fake.github.edit(46, { title: 'Onboarding checklist v2' });
    const body = fake.github.webhookBody('edited', 46);
    expectCleanError(await send(body), 401, 'UNAUTHENTICATED');
    expectCleanError(await send(body, signBody('wrong', body)), 401, 'UNAUTHENTICATED');
    const ok = await send(body, signBody(conn.webhookSecret, body));
    expect(ok.body.result).toBe('updated');
    expect(byKey(await items(t), 'acme/web#46').title).toBe('Onboarding checklist v2');

    fake.github.edit(46, { labels: [] });
    const unlabeled = fake.github.webhookBody('unlabeled', 46);
    expect((await send(unlabeled, signBody(conn.webhookSecret, unlabeled))).body.result).toBe('archived');
    expect(byKey(await items(t), 'acme/web#46')).toBeUndefined();
  });

  it('the CSV import and the sync update the same item, never a duplicate', async () => {
    const csv = 'Key,Title,Reach\nacme/web#45,Dark mode,800\n';
    const imported = await t.editor.request('POST', '/api/imports?mode=apply', {
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.counts).toMatchObject({ create: 0, update: 1 });
    const matches = (await items(t)).filter((i) => i.externalKey === 'acme/web#45');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ reach: 800, source: { kind: 'github' } });
  });

  it("the scheduler (server/src/jobs) starts a connection's run once its interval has passed", async () => {
    let now = Date.now();
    const scheduler = new Scheduler(t.db, pino({ level: 'silent' }), {
      pollMs: 60_000,
      timers: false,
      clock: () => now,
    });
    registerTrackerSync(scheduler, t.services.syncEngine, t.db, pino({ level: 'silent' }));
    const before = (await t.admin.get(`/api/integrations/${conn.id}/runs`)).body.length;
    await scheduler.tick(TRACKER_SYNC_JOB); // a job seen for the first time starts from its next slot
    now += 5 * 60_000; // within the 10-minute interval: nothing to do
    await scheduler.tick(TRACKER_SYNC_JOB);
    await t.services.syncEngine.idle();
    expect((await t.admin.get(`/api/integrations/${conn.id}/runs`)).body).toHaveLength(before);
    now += 6 * 60_000;
    await scheduler.tick(TRACKER_SYNC_JOB);
    await t.services.syncEngine.idle();
    const runs = (await t.admin.get(`/api/integrations/${conn.id}/runs`)).body;
    expect(runs).toHaveLength(before + 1);
    const crossedNightly = new Date(now).getUTCHours() === 2 && new Date(now).getUTCMinutes() < 11;
    expect(runs[0]).toMatchObject({ state: 'succeeded', trigger: crossedNightly ? 'nightly' : 'schedule' });
    await scheduler.stop();
  });

  it('backups carry no secrets; after a restore the connection asks for its token again', async () => {
    const backup = await t.admin.get('/api/backup');
    expect(backup.status).toBe(200);
    const text = JSON.stringify(backup.body);
    expect(text).not.toContain(fake.github.token);
    expect(backup.body.tables.integration_secrets).toBeUndefined();
    expect(backup.body.tables.integration_connections).toHaveLength(1);

    const target = await startTestServer(kind, { KEYLINE_SECRET_KEY: SECRET_KEY });
    try {
      for (const id of [target.users.editor, target.users.viewer]) await target.admin.delete(`/api/users/${id}`, 1);
      const restored = await target.admin.post('/api/restore', backup.body);
      expect(restored.status).toBe(200);
      const admin = target.client();
      await admin.login('admin@test.local', 'correct horse battery staple');
      const [after] = (await admin.get('/api/integrations')).body;
      expect(after).toMatchObject({ id: conn.id, state: 'needs-token', hasToken: false, hasWebhookSecret: false });
      expect(after.stateMessage).toContain('paste the token');
      expectCleanError(await admin.post(`/api/integrations/${conn.id}/sync`, {}), 409, 'CONFLICT');
    } finally {
      await target.stop();
    }
  });
});
