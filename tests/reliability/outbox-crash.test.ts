import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { DATABASE_KINDS } from '../support/databases';
import { ADMIN, type ServerProcess } from '../support/server-process';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';
import { createDedicatedDatabase } from './support/pg-database';
import { killHard, startApiProcess } from './support/process';

const MESSAGES = 20;
/** Long enough that the kill lands while attempts are under way; the lease (2 × this + 5 s) must lapse after. */
const TIMEOUT_MS = 1_000;

/**
 * SIGKILL while the outbox is sending: the server process is killed with
 * webhook deliveries in flight (the receiver holds them unanswered), then
 * started again on the same database. Every message is delivered; a
 * message sent twice carries the same delivery id both times (the
 * idempotency key), and nothing else is repeated.
 */
for (const kind of DATABASE_KINDS) {
  describe(`outbox: SIGKILL during sending [${kind}]`, () => {
    let receiver: WebhookReceiver;
    let server: ServerProcess | undefined;
    let databaseUrl: string;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      receiver = await new WebhookReceiver().start();
      if (kind === 'postgres') {
        const database = await createDedicatedDatabase();
        databaseUrl = database.url;
        cleanup = () => database.drop();
      } else {
        const dir = mkdtempSync(join(tmpdir(), 'keyline-outbox-crash-'));
        databaseUrl = `sqlite:${join(dir, 'keyline.db')}`;
        cleanup = async () => rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
    afterAll(async () => {
      if (server) await killHard(server);
      await receiver.stop();
      await cleanup?.();
    });

    const start = () =>
      startApiProcess({
        DATABASE_URL: databaseUrl,
        WEBHOOK_ALLOW_PRIVATE: 'true',
        NOTIFY_POLL_MS: '100',
        NOTIFY_RETRY_BASE_MS: '200',
        NOTIFY_TIMEOUT_MS: String(TIMEOUT_MS),
      });

    it('loses nothing and repeats a delivery only under its own delivery id', async () => {
      server = await start();
      const api = new ApiClient(server.baseUrl);
      await api.login(ADMIN.email, ADMIN.password);
      // The receiver holds every request unanswered: deliveries are in flight when the process dies.
      const hook = await api.post('/api/webhooks', {
        url: receiver.url('/crash', ['hang']),
        events: ['check_in.created'],
      });
      expect(hook.status).toBe(201);
      receiver.expectSecret('/crash', hook.body.secret);
      const cycle = await api.post('/api/cycles', { name: 'Crash', startsOn: '2026-10-01', endsOn: '2026-12-31' });
      const objective = await api.post('/api/objectives', { title: 'Survive', cycleId: cycle.body.id });
      const kr = await api.post('/api/key-results', {
        objectiveId: objective.body.id,
        title: 'Deliveries',
        startValue: 0,
        targetValue: 100,
        unit: '%',
      });
      for (let i = 1; i <= MESSAGES; i++)
        expect(
          (await api.post(`/api/key-results/${kr.body.id}/check-ins`, { value: i, confidence: 7, note: '' })).status,
        ).toBe(201);

      await eventually(() => receiver.at('/crash').length >= 1);
      await killHard(server);
      const beforeKill = receiver.at('/crash').length;

      // Started again with the receiver answering: what was in flight is sent again once its lease lapses.
      receiver.url('/crash', [{ status: 200 }]);
      server = await start();
      const admin = new ApiClient(server.baseUrl);
      await admin.login(ADMIN.email, ADMIN.password);
      const deliveries = await eventually(async () => {
        const list = (await admin.get(`/api/webhooks/${hook.body.id}/deliveries?limit=200`)).body;
        return list.length === MESSAGES && list.every((d: { status: string }) => d.status === 'delivered') && list;
      }, 60_000);

      const received = receiver.at('/crash');
      expect(received.every((r) => r.signatureValid)).toBe(true);
      const ids = new Set(received.map((r) => r.headers['x-keyline-delivery']));
      // Every message arrived, under exactly the ids the outbox holds.
      expect([...ids].sort()).toEqual(deliveries.map((d: { id: string }) => d.id).sort());
      // A repeat is the same delivery (same id, same body); each check-in's event is one delivery.
      const bodies = new Map<string, string>();
      for (const r of received) {
        const id = r.headers['x-keyline-delivery'] as string;
        const body = JSON.stringify(r.body);
        expect(bodies.get(id) ?? body).toBe(body);
        bodies.set(id, body);
      }
      const checkIns = new Set([...bodies.values()].map((b) => JSON.parse(b).data.checkIn.id));
      expect(checkIns.size).toBe(MESSAGES);
      expect(beforeKill).toBeGreaterThan(0);
    }, 120_000);
  });
}
