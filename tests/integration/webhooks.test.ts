import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { startTestServer, type TestServer } from '../support/test-server';
import { WebhookReceiver } from '../support/webhook-receiver';

/** The webhook API as an admin uses it, with the SSRF check on (WEBHOOK_ALLOW_PRIVATE unset). */
describeEachDatabase('webhooks API and address checks', (kind) => {
  let t: TestServer;
  let receiver: WebhookReceiver;
  const PUBLIC = 'http://93.184.216.34/keyline-hook';

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t.stop();
    await receiver.stop();
  });

  it('creates a webhook and shows its secret once; lists, edits with If-Match and deletes it', async () => {
    const created = await t.admin.post('/api/webhooks', { url: PUBLIC, events: ['check_in.created', 'cycle.closed'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: PUBLIC,
      events: ['check_in.created', 'cycle.closed'],
      active: true,
      version: 1,
    });
    expect(created.body.secret).toMatch(/^whsec_[\w-]{32}$/);
    const listed = (await t.admin.get('/api/webhooks')).body;
    expect(listed.find((w: any) => w.id === created.body.id)).not.toHaveProperty('secret');

    expectCleanError(
      await t.admin.patch(`/api/webhooks/${created.body.id}`, { active: false }),
      428,
      'PRECONDITION_REQUIRED',
    );
    const paused = await t.admin.patch(
      `/api/webhooks/${created.body.id}`,
      { active: false, events: ['comment.created'] },
      1,
    );
    expect(paused.status).toBe(200);
    expect(paused.headers.get('etag')).toBe('"2"');
    expect(paused.body).toMatchObject({ active: false, events: ['comment.created'], version: 2 });
    expectCleanError(
      await t.admin.patch(`/api/webhooks/${created.body.id}`, { active: true }, 1),
      412,
      'VERSION_CONFLICT',
    );
    expectCleanError(await t.admin.delete(`/api/webhooks/${created.body.id}`, 1), 412, 'VERSION_CONFLICT');
    expect((await t.admin.delete(`/api/webhooks/${created.body.id}`, 2)).status).toBe(204);
    expectCleanError(await t.admin.get(`/api/webhooks/${created.body.id}/deliveries`), 404, 'NOT_FOUND');
  });

  it('refuses bad bodies with a 400 naming the field, and stores nothing', async () => {
    const before = (await t.admin.get('/api/webhooks')).body.length;
    for (const body of [
      { url: PUBLIC, events: [] },
      { url: PUBLIC, events: ['check_in.created', 'check_in.created'] },
      { url: PUBLIC, events: ['item.exploded'] },
      { url: 'not a url', events: ['cycle.closed'] },
      { url: PUBLIC, events: ['cycle.closed'], secret: 'mine' },
    ]) {
      const res = await t.admin.post('/api/webhooks', body);
      expectCleanError(res, 400, 'VALIDATION_FAILED');
    }
    expect((await t.admin.get('/api/webhooks')).body).toHaveLength(before);
  });

  it('refuses URLs aimed at loopback, private or link-local addresses, and other schemes', async () => {
    for (const url of [
      `${receiver.baseUrl}/hook`,
      'http://localhost:3000/api/users',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.0.0.8/internal',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'ftp://93.184.216.34/',
    ]) {
      const res = await t.admin.post('/api/webhooks', { url, events: ['cycle.closed'] });
      expectCleanError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.issues[0].path, url).toEqual(['url']);
    }
    const ok = (await t.admin.post('/api/webhooks', { url: PUBLIC, events: ['cycle.closed'] })).body;
    const moved = await t.admin.patch(`/api/webhooks/${ok.id}`, { url: 'http://127.0.0.1:9/' }, ok.version);
    expectCleanError(moved, 400, 'VALIDATION_FAILED');
    expect((await t.admin.get('/api/webhooks')).body.find((w: any) => w.id === ok.id).url).toBe(PUBLIC);
  });

  it('checks the address again when sending: a webhook that points inside is never called, its message dead at once', async () => {
    // As if it had been saved while WEBHOOK_ALLOW_PRIVATE was on.
    const hook = (await t.admin.post('/api/webhooks', { url: PUBLIC, events: ['cycle.closed'] })).body;
    await t.db.write((m) =>
      m.query(
        `UPDATE webhooks SET url = ${kind === 'postgres' ? '$1' : '?'} WHERE id = ${kind === 'postgres' ? '$2' : '?'}`,
        [receiver.url('/inside'), hook.id],
      ),
    );
    await t.db.write((m) =>
      t.services.outbox.enqueue(m, [
        {
          idempotencyKey: 'inside-1',
          channel: 'webhook',
          kind: 'event',
          eventType: 'cycle.closed',
          target: hook.id,
          payload: {},
        },
      ]),
    );
    await t.services.sender.drainOnce();
    const [delivery] = (await t.admin.get(`/api/webhooks/${hook.id}/deliveries`)).body;
    expect(delivery).toMatchObject({ status: 'dead', attempts: 1 });
    expect(delivery.lastError).toMatch(/127\.0\.0\.1, a loopback, private or link-local address/);
    expect(receiver.at('/inside')).toHaveLength(0);
  });
});
