import { WEBHOOK_EVENT_DATA, WEBHOOK_EVENT_TYPES, WebhookDeliveryBodySchema } from '@keyline/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually, WebhookReceiver, type ReceivedRequest } from '../support/webhook-receiver';
import { dayFromToday as day } from '../support/days';

const PUBLIC_URL = 'https://keyline.example.com';
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/**
 * Every event a webhook can subscribe to, caused the way people cause it
 * (over the API), delivered signed to a real local receiver, each payload
 * exactly what the shared schema (and so docs/WEBHOOKS.md) says.
 */
describeEachDatabase('webhook events', (kind) => {
  let t: TestServer;
  let receiver: WebhookReceiver;
  let cursor = 0;
  /** The one active quarter (only one may be active at a time). */
  let active: { id: string };

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await startTestServer(kind, { WEBHOOK_ALLOW_PRIVATE: 'true', PUBLIC_URL, NOTIFY_POLL_MS: '50' });
    t.services.sender.start();
    const hook = await t.admin.post('/api/webhooks', { url: receiver.url('/all'), events: [...WEBHOOK_EVENT_TYPES] });
    expect(hook.status).toBe(201);
    receiver.expectSecret('/all', hook.body.secret);
    // A paused webhook and one for other events hear nothing.
    await t.admin.post('/api/webhooks', { url: receiver.url('/paused'), events: ['check_in.created'], active: false });
    await t.admin.post('/api/webhooks', { url: receiver.url('/closed-only'), events: ['cycle.closed'] });
    await t.services.changeWatcher.run(); // the baseline: reports nothing
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await t.stop();
    await receiver.stop();
  });

  /** The deliveries that arrived since the last call, once `count` have. */
  async function next(count: number): Promise<ReceivedRequest[]> {
    const got = await eventually(() => {
      const fresh = receiver.at('/all').slice(cursor);
      return fresh.length >= count && fresh;
    });
    cursor += got.length;
    for (const request of got) {
      expect(request.signatureValid).toBe(true);
      const body = WebhookDeliveryBodySchema.parse(request.body);
      expect(request.headers['x-keyline-event']).toBe(body.type);
      expect(request.headers['x-keyline-delivery']).toBe(body.id);
      // Strict: the payload has exactly the documented fields.
      expect(WEBHOOK_EVENT_DATA[body.type].strict().safeParse(body.data).error).toBeUndefined();
    }
    return got;
  }

  it('check_in.created: value, confidence, note, author and the KR with a link starting with PUBLIC_URL', async () => {
    active = await buildCycle(t.editor, { startsOn: day(-30), endsOn: day(60), status: 'active' });
    const objective = await buildObjective(t.editor, { cycleId: active.id });
    const kr = await buildKeyResult(t.editor, {
      objectiveId: objective.id,
      title: 'Activation',
      ownerId: t.users.editor,
    });
    const res = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 40, confidence: 8, note: 'Up' });
    expect(res.status).toBe(201);
    const [delivery] = await next(1);
    expect(delivery!.body).toMatchObject({
      type: 'check_in.created',
      data: {
        checkIn: { id: res.body.id, value: 40, confidence: 8, note: 'Up', authorName: 'Test editor' },
        keyResult: {
          id: kr.id,
          title: 'Activation',
          ownerId: t.users.editor,
          previousValue: 0,
          targetValue: 100,
          unit: '%',
          url: `${PUBLIC_URL}/key-results/${kr.id}`,
        },
      },
    });
    expect(receiver.at('/paused')).toHaveLength(0);
    expect(receiver.at('/closed-only')).toHaveLength(0);
  });

  it('backlog_item.linked and unlinked carry the item, the KR and the strength', async () => {
    const kr = await buildKeyResult(t.editor);
    const item = await buildBacklogItem(t.editor, { title: 'Onboarding tour' });
    expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 })).status).toBe(200);
    // The same link again changes nothing and says nothing.
    expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 })).status).toBe(200);
    expect((await t.editor.delete(`/api/backlog-items/${item.id}/links/${kr.id}`)).status).toBe(204);
    const [linked, unlinked] = await next(2);
    expect(linked!.body).toMatchObject({
      type: 'backlog_item.linked',
      data: {
        item: { id: item.id, title: 'Onboarding tour', url: `${PUBLIC_URL}/backlog/${item.id}` },
        keyResult: { id: kr.id },
        strength: 2,
      },
    });
    expect(unlinked!.body).toMatchObject({ type: 'backlog_item.unlinked', data: { strength: null } });
  });

  it('the change watcher reports a KR status change and flags gained and lost, once each', async () => {
    const objective = await buildObjective(t.editor, { cycleId: active.id });
    const kr = await buildKeyResult(t.editor, { objectiveId: objective.id });
    const item = await buildBacklogItem(t.editor, { title: 'Unaligned work' });
    await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 1, confidence: 2, note: '' });
    await next(1); // check_in.created
    // The first test's KR got its first status too, and the second test's item its flags. The
    // watcher runs every minute; on a slow machine a large rebuild may lag a run, so run it until seen.
    const found = await watchUntil(4);
    const status = found.find((r) => r.body.data.keyResult?.id === kr.id)!;
    expect(status.body.type).toBe('key_result.status_changed');
    expect(status.body.data).toMatchObject({
      keyResult: { id: kr.id },
      previousStatus: 'no-check-in',
      status: 'off-track',
      confidence: 2,
    });
    const flagged = found.find((r) => r.body.data.item?.id === item.id)!;
    expect(flagged.body.type).toBe('backlog_item.flagged');
    expect(flagged.body.data.flags.map((f: { code: string }) => f.code)).toContain('UNALIGNED');
    expect(flagged.body.data.currentFlags).toContain('UNALIGNED');

    // Nothing changed: nothing reported.
    expect(await t.services.changeWatcher.run()).toEqual({ statusChanges: 0, flagChanges: 0 });

    await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 3 });
    await next(1); // linked
    const [unflagged] = await watchUntil(1);
    expect(unflagged!.body).toMatchObject({ type: 'backlog_item.unflagged', data: { item: { id: item.id } } });
    expect(unflagged!.body.data.flags.map((f: { code: string }) => f.code)).toContain('UNALIGNED');
    expect(unflagged!.body.data.currentFlags).not.toContain('UNALIGNED');
  });

  /** Runs the change watcher (as its minute job does) until `count` events were published, then reads them. */
  async function watchUntil(count: number): Promise<ReceivedRequest[]> {
    let published = 0;
    await eventually(async () => {
      const run = await t.services.changeWatcher.run();
      published += run.statusChanges + run.flagChanges;
      return published >= count;
    });
    expect(published).toBe(count);
    return next(count);
  }

  it('cycle.closed names the next cycle and the carried KRs; a refused write sends nothing', async () => {
    const cycle = await buildCycle(t.editor, { name: 'Closing', startsOn: day(-80), endsOn: day(-1) });
    const kr = await buildKeyResult(t.editor, {
      objectiveId: (await buildObjective(t.editor, { cycleId: cycle.id })).id,
    });
    const current = (await t.editor.get(`/api/cycles/${cycle.id}`)).body;
    const closed = await t.editor.post(
      `/api/cycles/${cycle.id}/close`,
      { nextCycle: { name: 'After', startsOn: day(0), endsOn: day(90) }, carryOverKeyResultIds: [kr.id] },
      ifMatch(current.version),
    );
    expect(closed.status).toBe(200);
    const [event] = await next(1);
    expect(event!.body).toMatchObject({
      type: 'cycle.closed',
      data: {
        cycle: { id: cycle.id, name: 'Closing', url: `${PUBLIC_URL}/okrs?cycle=${cycle.id}` },
        nextCycle: { name: 'After' },
        carriedKeyResultIds: [kr.id],
      },
    });
    await eventually(() => receiver.at('/closed-only').length === 1);

    // A check-in on the closed quarter is refused: its event never existed.
    const refused = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 5, confidence: 5, note: '' });
    expect(refused.status).toBe(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.at('/all').slice(cursor)).toHaveLength(0);
  });
  it('comment.created carries the comment, its subject and the members it mentions, with links', async () => {
    const kr = await buildKeyResult(t.editor, { title: 'Commented KR' });
    const res = await t.viewer.post(`/api/comments?subject=key_result:${kr.id}`, {
      body: '@Test editor how is it going?',
    });
    expect(res.status).toBe(201);
    const [event] = await next(1);
    expect(event!.body).toMatchObject({
      type: 'comment.created',
      data: {
        comment: {
          id: res.body.id,
          body: '@Test editor how is it going?',
          authorId: t.users.viewer,
          authorName: 'Test viewer',
          url: `${PUBLIC_URL}/key-results/${kr.id}#comment-${res.body.id}`,
        },
        subject: { type: 'key_result', id: kr.id, title: 'Commented KR', url: `${PUBLIC_URL}/key-results/${kr.id}` },
        mentions: [{ id: t.users.editor, name: 'Test editor' }],
      },
    });
  });
});
