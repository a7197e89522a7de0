import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { signBody, startFakeTrackers, type FakeTrackers } from '../support/fake-trackers';
import { startLoggedServer, type LoggedServer } from './support/logged-server';

/**
 * Tracker tokens and webhook secrets never reach the log: not the token an
 * admin saves, not the Authorization header Keyline sends the tracker, not a
 * Jira webhook secret carried in the URL (?secret=).
 */
describeEachDatabase('tracker secrets stay out of the log', (kind) => {
  let s: LoggedServer;
  let fake: FakeTrackers;
  beforeAll(async () => {
    [s, fake] = await Promise.all([
      startLoggedServer(kind, { KEYLINE_SECRET_KEY: randomBytes(32).toString('base64') }),
      startFakeTrackers(),
    ]);
  });
  afterAll(async () => {
    await s.services.syncEngine.idle();
    await Promise.all([s.stop(), fake.stop()]);
  });

  it('logs requests that carried the token and the webhook secret without either', async () => {
    fake.jira.add(1, { summary: 'Logged issue' });
    const created = await s.admin.post('/api/integrations', {
      kind: 'jira',
      name: 'Logged Jira',
      baseUrl: fake.jiraUrl,
      email: fake.jira.email,
      apiToken: fake.jira.token,
      jql: 'project = ABC',
    });
    expect(created.status).toBe(201);
    const { id, webhookSecret } = created.body;
    expect((await s.admin.post(`/api/integrations/${id}/sync`, {})).status).toBe(202);
    await s.services.syncEngine.idle();
    // A wrong token: the tracker's refusal is logged and shown, the token is not.
    expect((await s.admin.patch(`/api/integrations/${id}`, { apiToken: 'a-wrong-token-xyz' }, 1)).status).toBe(200);
    expect((await s.admin.post(`/api/integrations/${id}/sync`, {})).status).toBe(202);
    await s.services.syncEngine.idle();

    const body = fake.jira.webhookBody('jira:issue_updated', 'ABC-1');
    const viaUrl = await s.admin.request('POST', `/api/hooks/jira/${id}?secret=${webhookSecret}`, {
      rawBody: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(viaUrl.status).toBe(200);
    const signed = await s.admin.request('POST', `/api/hooks/jira/${id}`, {
      rawBody: body,
      headers: { 'content-type': 'application/json', 'x-hub-signature': signBody(webhookSecret, body) },
    });
    expect(signed.status).toBe(200);

    const log = s.logText();
    expect(log).toContain(`/api/hooks/jira/${id}?secret=[redacted]`);
    for (const secret of [
      fake.jira.token,
      'a-wrong-token-xyz',
      webhookSecret,
      Buffer.from(`${fake.jira.email}:${fake.jira.token}`).toString('base64'),
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
