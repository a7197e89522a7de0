import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildKeyResult } from '../support/factories';
import { SmtpSink } from '../support/smtp-sink';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually } from '../support/webhook-receiver';

const PUBLIC_URL = 'https://keyline.example.com';

/** The unsubscribe link of a raw message (List-Unsubscribe, unfolded). */
function unsubscribeUrl(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n(?=[ \t])/g, '');
  return /^List-Unsubscribe:\s*<([^>]+)>/im.exec(head)![1]!;
}

/**
 * Comments over the real API with a real SMTP server: mentions resolved
 * against the member directory, the KR owner told, viewers commenting,
 * author-or-admin edits with If-Match, the audit trail, and one-click
 * unsubscribe from the mention e-mail.
 */
describeEachDatabase('comments and mentions', (kind) => {
  let t: TestServer;
  let sink: SmtpSink;
  let kr: { id: string; title: string };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestServer(kind, {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Keyline <keyline@example.com>',
      PUBLIC_URL,
      NOTIFY_POLL_MS: '50',
    });
    t.services.sender.start();
    kr = await buildKeyResult(t.editor, { title: 'Trial to paid', ownerId: t.users.editor });
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await t.stop();
    await sink.stop();
  });

  const thread = async (subject: string) => (await t.viewer.get(`/api/comments?subject=${subject}`)).body;

  it('a viewer comments on a KR mentioning a member: the mention and the owner are e-mailed, once each', async () => {
    const res = await t.viewer.post(`/api/comments?subject=key_result:${kr.id}`, {
      body: 'Is this still on track, @test ADMIN? See https://example.com/report.',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      subjectType: 'key_result',
      subjectId: kr.id,
      keyResultId: kr.id,
      authorId: t.users.viewer,
      authorName: 'Test viewer',
      mentions: [{ id: t.users.admin, name: 'Test admin' }],
      version: 1,
      edited: false,
    });

    const [mention] = await eventually(() => sink.to('admin@test.local').length === 1 && sink.to('admin@test.local'));
    expect(mention!.parsed.subject).toBe('Test viewer mentioned you on Trial to paid');
    expect(mention!.parsed.text).toContain('> Is this still on track, @test ADMIN?');
    expect(mention!.parsed.text).toContain(`${PUBLIC_URL}/key-results/${kr.id}#comment-${res.body.id}`);
    const [owner] = await eventually(() => sink.to('editor@test.local').length === 1 && sink.to('editor@test.local'));
    expect(owner!.parsed.subject).toBe('Test viewer commented on Trial to paid');
    expect(owner!.parsed.text).toContain('a key result you own');
    // The author is not told about their own comment.
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.to('viewer@test.local')).toHaveLength(0);

    expect(await thread(`key_result:${kr.id}`)).toEqual([res.body]);
  });

  it('the mentioned member’s digest lists the comment, with its link', async () => {
    const before = sink.to('admin@test.local').length;
    expect((await t.admin.post('/api/notifications/test-digest')).status).toBe(202);
    const mails = await eventually(
      () => sink.to('admin@test.local').length === before + 1 && sink.to('admin@test.local'),
    );
    const digest = mails.at(-1)!.parsed;
    expect(digest.subject).toBe('Your week in Keyline: 1 thing to look at');
    expect(digest.text).toContain('Comments that mention you');
    expect(digest.text).toContain('Test viewer on Trial to paid (Is this still on track, @test ADMIN?');
    expect(digest.html).toContain(`href="${PUBLIC_URL}/key-results/${kr.id}#comment-`);
  });

  it('comments on a check-in join the KR’s thread and name the check-in they answer', async () => {
    const checkIn = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 10, confidence: 6, note: '' });
    const res = await t.admin.post(`/api/comments?subject=check_in:${checkIn.body.id}`, { body: 'Why the dip?' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subjectType: 'check_in', subjectId: checkIn.body.id, keyResultId: kr.id });
    const krThread = await thread(`key_result:${kr.id}`);
    expect(krThread.map((c: { body: string }) => c.body)).toEqual([
      'Is this still on track, @test ADMIN? See https://example.com/report.',
      'Why the dip?',
    ]);
    expect(await thread(`check_in:${checkIn.body.id}`)).toEqual([res.body]);
    // The KR's trail lists its own changes and both comments (the check-in's too).
    const trail = (await t.viewer.get(`/api/audit-events?about=${kr.id}`)).body.items;
    expect(trail.filter((e: { entity: string }) => e.entity === 'comment')).toHaveLength(2);
    expect(trail.some((e: { entity: string }) => e.entity === 'keyResult')).toBe(true);
    expect(trail[0]).toMatchObject({ entity: 'comment', entityId: res.body.id, parentId: kr.id, action: 'create' });
    const owner = await eventually(() => sink.to('editor@test.local').length === 2 && sink.to('editor@test.local'));
    expect(owner[1]!.parsed.text).toContain('Test admin commented on a check-in on “Trial to paid”');
  });

  it('edits need If-Match and the author or an admin; newly mentioned members are told, the others not again', async () => {
    const item = await buildBacklogItem(t.editor, { title: 'SSO for teams' });
    const created = await t.editor.post(`/api/comments?subject=backlog_item:${item.id}`, { body: 'Needs @Test admin' });
    expect(created.status).toBe(201);
    expect(created.body.keyResultId).toBeNull();
    await eventually(() => sink.to('admin@test.local').length === 3);
    const path = `/api/comments/${created.body.id}`;

    expect((await t.editor.patch(path, { body: 'x' })).status).toBe(428);
    expect((await t.editor.patch(path, { body: 'x' }, 7)).status).toBe(412);
    const viewerTry = await t.viewer.patch(path, { body: 'Mine now' }, 1);
    expect(viewerTry.status).toBe(403);

    const edited = await t.editor.patch(path, { body: 'Needs @Test admin and @Test viewer' }, 1);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, edited: true });
    expect(edited.body.mentions.map((p: { name: string }) => p.name)).toEqual(['Test admin', 'Test viewer']);
    const [told] = await eventually(() => sink.to('viewer@test.local').length === 1 && sink.to('viewer@test.local'));
    expect(told!.parsed.subject).toBe('Test editor mentioned you on SSO for teams');
    expect(told!.parsed.text).toContain(`${PUBLIC_URL}/backlog/${item.id}#comment-${created.body.id}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.to('admin@test.local')).toHaveLength(3);

    // An admin may delete anyone's comment; the thread is empty and the trail keeps every step.
    expect((await t.admin.delete(path, 1)).status).toBe(412);
    expect((await t.admin.delete(path, 2)).status).toBe(204);
    expect(await thread(`backlog_item:${item.id}`)).toEqual([]);
    const trail = (await t.viewer.get(`/api/audit-events?entity=comment&entityId=${created.body.id}`)).body.items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(trail[2].after).toMatchObject({ body: 'Needs @Test admin', subjectTitle: 'SSO for teams' });
  });

  it('refuses unknown subjects, malformed subjects and empty bodies', async () => {
    const missing = await t.viewer.post(`/api/comments?subject=key_result:${crypto.randomUUID()}`, { body: 'Hi' });
    expect(missing.status).toBe(404);
    expect((await t.viewer.get('/api/comments?subject=objective:1')).status).toBe(400);
    const empty = await t.viewer.post(`/api/comments?subject=key_result:${kr.id}`, { body: '   ' });
    expect(empty.status).toBe(400);
  });

  it('one-click unsubscribe from a mention e-mail stops mentions only', async () => {
    const before = sink.to('admin@test.local').length;
    await t.viewer.post(`/api/comments?subject=key_result:${kr.id}`, { body: '@Test admin one more' });
    const mails = await eventually(
      () => sink.to('admin@test.local').length === before + 1 && sink.to('admin@test.local'),
    );
    const url = unsubscribeUrl(mails.at(-1)!.raw).replace(PUBLIC_URL, t.baseUrl);
    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toMatchObject({ kind: 'mention', subscribed: false });

    await t.viewer.post(`/api/comments?subject=key_result:${kr.id}`, { body: '@Test admin are you there?' });
    // The owner still hears about it: comments on their KRs are a kind of their own.
    await eventually(() => sink.to('editor@test.local').length === 4);
    // Without a subject: the newest comments anywhere, newest first.
    const latest = (await t.viewer.get('/api/comments')).body;
    expect(latest[0].body).toBe('@Test admin are you there?');
    expect(sink.to('admin@test.local')).toHaveLength(before + 1);
  });
});
