import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/schema';
import { OutboxSender } from '../../server/src/features/notifications/outbox-sender';
import { WebhookTransport } from '../../server/src/features/webhooks/webhook-transport';
import { Leases } from '../../server/src/jobs/lease';
import { describeEachDatabase } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually, WebhookReceiver, type Behaviour } from '../support/webhook-receiver';

const RETRY_BASE_MS = 100;
const TIMEOUT_MS = 300;
const GIVE_UP_MS = 1_500;

/**
 * The outbox and its sender over a real database, delivering signed
 * webhooks to a real local HTTP receiver: retries with backoff, timeouts,
 * dead letters, idempotency, and two senders on one database.
 */
describeEachDatabase('outbox: at-least-once delivery', (kind) => {
  let t: TestServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await startTestServer(kind, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      NOTIFY_RETRY_BASE_MS: String(RETRY_BASE_MS),
      NOTIFY_TIMEOUT_MS: String(TIMEOUT_MS),
      NOTIFY_GIVE_UP_MS: String(GIVE_UP_MS),
      NOTIFY_POLL_MS: '50',
    });
    t.services.sender.start();
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await t.stop();
    await receiver.stop();
  });

  async function webhookAt(path: string, script?: Behaviour[]) {
    const res = await t.admin.post('/api/webhooks', { url: receiver.url(path, script), events: ['check_in.created'] });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    receiver.expectSecret(path, res.body.secret);
    return res.body;
  }

  /** Writes messages the way a change does: inside its transaction. */
  function enqueue(webhookId: string, keys: string[]) {
    return t.db.write((m) =>
      t.services.outbox.enqueue(
        m,
        keys.map((key) => ({
          idempotencyKey: key,
          channel: 'webhook' as const,
          kind: 'event',
          eventType: 'check_in.created',
          target: webhookId,
          payload: { key },
        })),
      ),
    );
  }

  const deliveries = async (webhookId: string) => (await t.admin.get(`/api/webhooks/${webhookId}/deliveries`)).body;

  it('delivers a signed JSON POST with the event, a delivery id and a signature the receiver verifies', async () => {
    const hook = await webhookAt('/signed');
    expect(await enqueue(hook.id, ['signed-1'])).toBe(1);
    const [request] = await eventually(() => receiver.at('/signed').length === 1 && receiver.at('/signed'));
    expect(request!.signatureValid).toBe(true);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-keyline-event']).toBe('check_in.created');
    const [delivery] = await eventually(async () => {
      const list = await deliveries(hook.id);
      return list[0]?.status === 'delivered' && list;
    });
    expect(request!.headers['x-keyline-delivery']).toBe(delivery.id);
    expect(request!.body).toEqual({
      id: delivery.id,
      type: 'check_in.created',
      createdAt: delivery.createdAt,
      data: { key: 'signed-1' },
    });
    expect(delivery).toMatchObject({ channel: 'webhook', attempts: 1, lastStatusCode: 200, lastError: null });
  });

  it('stores a message once per idempotency key, and none when the change rolls back', async () => {
    const hook = await webhookAt('/once');
    expect(await enqueue(hook.id, ['once-1', 'once-2'])).toBe(2);
    expect(await enqueue(hook.id, ['once-1', 'once-2', 'once-3'])).toBe(1);
    await expect(
      t.db.write(async (m) => {
        await t.services.outbox.enqueue(m, [
          {
            idempotencyKey: 'rolled-back',
            channel: 'webhook',
            kind: 'event',
            eventType: 'check_in.created',
            target: hook.id,
            payload: {},
          },
        ]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await eventually(() => receiver.at('/once').length === 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(
      receiver
        .at('/once')
        .map((r) => r.body.data.key)
        .sort(),
    ).toEqual(['once-1', 'once-2', 'once-3']);
  });

  it('retries a failing receiver with growing waits until it answers 2xx', async () => {
    const hook = await webhookAt('/flaky', [{ status: 500 }, { status: 503 }, { status: 502 }, { status: 204 }]);
    await enqueue(hook.id, ['flaky-1']);
    await eventually(async () => (await deliveries(hook.id))[0]?.status === 'delivered');
    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((a) => a.headers['x-keyline-delivery'])).size).toBe(1);
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    // base · 2^(n−1) with ±20 % jitter: ≥ 80, 160, 320 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS * 0.8 - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(RETRY_BASE_MS * 1.6 - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(RETRY_BASE_MS * 3.2 - 5);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
    expect((await deliveries(hook.id))[0]).toMatchObject({ attempts: 4, lastStatusCode: 204, lastError: null });
  });

  it('gives up on a receiver that never answers: each attempt times out, and after the retry window the message is dead', async () => {
    const hook = await webhookAt('/hangs', ['hang']);
    await enqueue(hook.id, ['hang-1']);
    const [dead] = await eventually(async () => {
      const list = await deliveries(hook.id);
      return list[0]?.status === 'dead' && list;
    }, GIVE_UP_MS + 5_000);
    expect(dead.lastError).toBe(`No answer within ${TIMEOUT_MS} ms`);
    expect(dead.attempts).toBeGreaterThanOrEqual(2);
    expect(receiver.at('/hangs')).toHaveLength(dead.attempts);
    expect(dead.nextAttemptAt).toBeNull();
  });

  it('marks a message for a deleted webhook dead at once, without retrying', async () => {
    const hook = await webhookAt('/deleted');
    await t.services.sender.stop();
    await enqueue(hook.id, ['deleted-1']);
    expect((await t.admin.delete(`/api/webhooks/${hook.id}`, hook.version)).status).toBe(204);
    await t.services.sender.drainOnce();
    const rows = await t.db.read((m) =>
      m.query(`SELECT status, "lastError", attempts FROM outbox_messages WHERE "idempotencyKey" = 'deleted-1'`),
    );
    expect(rows[0]).toMatchObject({ status: 'dead', lastError: 'The webhook was deleted', attempts: 1 });
    t.services.sender.start();
  });

  it('with two senders on one database, delivers each of 40 messages exactly once', async () => {
    const hook = await webhookAt('/two-senders');
    await t.services.sender.stop();
    // A second app server: its own connections on PostgreSQL (the process's one connection on SQLite), its own holder id.
    const otherDb = kind === 'postgres' ? await openDatabase(t.testDb.url, { schema: t.testDb.schema }) : t.db;
    const options = { retryBaseMs: RETRY_BASE_MS, timeoutMs: 2_000, pollMs: 50, batchSize: 5, concurrency: 2 };
    const logger = pino({ level: 'silent' });
    const senders = [
      new OutboxSender(t.db, new Leases(t.db), [new WebhookTransport(t.db, true)], options, logger),
      new OutboxSender(otherDb, new Leases(otherDb), [new WebhookTransport(otherDb, true)], options, logger),
    ];
    try {
      await enqueue(
        hook.id,
        Array.from({ length: 40 }, (_, i) => `two-${i}`),
      );
      await Promise.all(senders.flatMap((s) => [s.drainOnce(), s.drainOnce()]));
      const received = receiver.at('/two-senders');
      expect(received).toHaveLength(40);
      expect(new Set(received.map((r) => r.headers['x-keyline-delivery'])).size).toBe(40);
      expect(received.every((r) => r.signatureValid)).toBe(true);
    } finally {
      if (otherDb !== t.db) await otherDb.close();
      t.services.sender.start();
    }
  });
});
