import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalNote } from '../../server/src/features/notifications/notifier';
import { describeEachDatabase } from '../support/databases';
import { buildTeam } from '../support/factories';
import { SmtpSink } from '../support/smtp-sink';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually } from '../support/webhook-receiver';

const PUBLIC_URL = 'https://keyline.example.com';
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A header of a raw message, unfolded (long headers continue on indented lines). */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n(?=[ \t])/g, '');
  return new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(head)?.[1]?.trim();
}

function note(t: TestServer, overrides: Partial<PersonalNote> = {}): PersonalNote {
  return {
    key: `test:${Math.random()}`,
    userId: t.users.editor,
    kind: 'check_in_due',
    content: {
      subject: '2 key results need a check-in',
      intro: 'These key results have had no check-in for longer than the quarter’s cadence of 7 days.',
      sections: [
        {
          heading: 'Due now',
          items: [
            { text: 'Trial to paid 4.0 → 6.0%', detail: 'Last check-in 9 days ago', path: '/key-results/abc' },
            { text: 'ARR $1.2M → $2.0M', detail: 'No check-in yet', path: '/key-results/def' },
          ],
        },
      ],
      action: { label: 'Open your key results', path: '/okrs' },
    },
    ...overrides,
  };
}

/**
 * E-mail through a real SMTP server started here (smtp-server, with AUTH),
 * read back with mailparser: headers, both parts, links, the one-click
 * unsubscribe, retries on 4xx and dead letters on 5xx.
 */
describeEachDatabase('e-mail notifications', (kind) => {
  let t: TestServer;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestServer(kind, {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Keyline <keyline@example.com>',
      PUBLIC_URL,
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_POLL_MS: '50',
    });
    t.services.sender.start();
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await t.stop();
    await sink.stop();
  });

  const send = (notes: PersonalNote[]) => t.db.write((m) => t.services.notifier.notify(m, notes));
  const deliveries = async (query = '') => (await t.admin.get(`/api/notifications/deliveries${query}`)).body.items;

  it('delivers HTML and plain text with absolute links, a stable Message-ID and RFC 8058 one-click headers', async () => {
    expect(await send([note(t)])).toBe(1);
    const [mail] = await eventually(() => sink.to('editor@test.local').length === 1 && sink.to('editor@test.local'));
    expect(mail!.user).toBe('keyline'); // authenticated with SMTP_URL's credentials
    const parsed = mail!.parsed;
    expect(parsed.from?.value).toEqual([{ name: 'Keyline', address: 'keyline@example.com' }]);
    expect(parsed.subject).toBe('2 key results need a check-in');
    expect(parsed.text).toContain('Trial to paid 4.0 → 6.0% (Last check-in 9 days ago)');
    expect(parsed.text).toContain(`${PUBLIC_URL}/key-results/abc`);
    expect(parsed.text).toContain(`Open your key results: ${PUBLIC_URL}/okrs`);
    expect(parsed.html).toContain(`href="${PUBLIC_URL}/key-results/def"`);
    expect(parsed.html).toContain('Last check-in 9 days ago');
    // Every link in both parts starts with PUBLIC_URL.
    for (const url of `${parsed.text}\n${parsed.html}`.match(/https?:\/\/[^\s"<>)]+/g) ?? []) {
      expect(url.startsWith(PUBLIC_URL)).toBe(true);
    }
    const [delivery] = await eventually(async () => {
      const list = await deliveries('?channel=email');
      return list[0]?.status === 'delivered' && list;
    });
    expect(delivery).toMatchObject({ recipient: 'editor@test.local', kind: 'check_in_due', attempts: 1 });
    expect(parsed.messageId).toBe(`<${delivery.id}@keyline.example.com>`);
    expect(header(mail!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<([^>]+)>$/.exec(header(mail!.raw, 'List-Unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC_URL}/api/notifications/unsubscribe\\?token=`));
    expect(parsed.text).toMatch(new RegExp(`Unsubscribe from check-in reminders: ${PUBLIC_URL}/unsubscribe\\?token=`));
  });

  it('one-click unsubscribe works without signing in, switches off that kind only, and stops what is queued', async () => {
    await send([note(t, { userId: t.users.viewer, kind: 'mention' })]);
    const [mail] = await eventually(() => sink.to('viewer@test.local').length === 1 && sink.to('viewer@test.local'));
    const url = /^<([^>]+)>$/.exec(header(mail!.raw, 'List-Unsubscribe') ?? '')![1]!.replace(PUBLIC_URL, t.baseUrl);

    const info = await fetch(url);
    expect(info.status).toBe(200);
    expect(await info.json()).toEqual({
      kind: 'mention',
      label: 'Mentions',
      email: 'v***@test.local',
      subscribed: true,
    });

    // What a mail client sends (RFC 8058): a form-encoded POST, no cookie, no Origin of ours.
    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.net' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await oneClick.json()).subscribed).toBe(false);
    expect((await fetch(url, { method: 'POST' })).status).toBe(200); // twice is fine

    const prefs = (await t.viewer.get('/api/notifications/preferences')).body;
    expect(prefs.kinds).toEqual({ check_in_due: 'email', digest: 'email', mention: 'none', comment: 'email' });
    // New mentions are not even written; other kinds still go.
    expect(await send([note(t, { userId: t.users.viewer, kind: 'mention' })])).toBe(0);
    expect(await send([note(t, { userId: t.users.viewer, kind: 'digest' })])).toBe(1);
    await eventually(() => sink.to('viewer@test.local').length === 2);

    // A tampered token is refused and changes nothing.
    const bad = await fetch(
      url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { method: 'POST' },
    );
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.code).toBe('NOT_FOUND');
  });

  it('a message queued before the unsubscribe is not sent after it', async () => {
    await t.services.sender.stop();
    await send([note(t, { userId: t.users.admin, kind: 'comment', key: 'queued' })]);
    const url = await t.db.read(async (m) => {
      await t.services.unsubscribeTokens.load(m);
      return `${t.baseUrl}/api/notifications/unsubscribe?token=${t.services.unsubscribeTokens.sign(t.users.admin, 'comment')}`;
    });
    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
    t.services.sender.start();
    const [dead] = await eventually(async () => {
      const list = await deliveries('?status=dead');
      return list.length > 0 && list;
    });
    expect(dead).toMatchObject({ kind: 'comment', lastError: 'The recipient switched this kind of message off' });
    expect(sink.to('admin@test.local')).toHaveLength(0);
  });

  it('retries a 4xx answer with backoff, marks a 5xx dead at once, and an admin retries the dead one', async () => {
    sink.answer('editor@test.local', [
      { code: 451, message: 'Try again later' },
      { code: 451, message: 'Try again later' },
      'accept',
    ]);
    const before = sink.to('editor@test.local').length;
    await send([note(t, { key: 'greylisted' })]);
    await eventually(() => sink.to('editor@test.local').length === before + 1);
    const [greylisted] = await eventually(async () => {
      const list = (await deliveries('?status=delivered')).filter((d: { attempts: number }) => d.attempts === 3);
      return list.length > 0 && list;
    });
    expect(greylisted.attempts).toBe(3);

    sink.answer('editor@test.local', [{ code: 550, message: 'No such mailbox' }, 'accept']);
    await send([note(t, { key: 'bounced' })]);
    const [dead] = await eventually(async () => {
      const list = await deliveries('?status=dead&channel=email');
      const found = list.filter((d: { lastError: string }) => d.lastError.includes('No such mailbox'));
      return found.length > 0 && found;
    });
    expect(dead).toMatchObject({ attempts: 1, lastStatusCode: 550 });

    // Only a session admin may retry; then it is tried again and delivered.
    expect((await t.editor.post(`/api/notifications/deliveries/${dead.id}/retry`)).status).toBe(403);
    const retried = await t.admin.post(`/api/notifications/deliveries/${dead.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    await eventually(async () => (await deliveries('?status=delivered')).some((d: { id: string }) => d.id === dead.id));
    expect((await t.admin.post(`/api/notifications/deliveries/${dead.id}/retry`)).status).toBe(409);
  });

  it('the overview says e-mail is on, from whom and through which server (never the password)', async () => {
    const res = await t.admin.get('/api/notifications/overview');
    expect(res.status).toBe(200);
    expect(res.body.email).toEqual({
      enabled: true,
      from: 'Keyline <keyline@example.com>',
      server: `127.0.0.1:${sink.port}`,
    });
    expect(JSON.stringify(res.body)).not.toContain('smtp-secret');
    expect(res.body.publicUrl).toBe(PUBLIC_URL);
    expect(res.body.counts.delivered).toBeGreaterThan(0);
  });
});

describeEachDatabase('notification preferences', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind); // no SMTP_URL: e-mail is off
  });
  afterAll(() => t.stop());

  it('starts from the defaults and saves with If-Match like every write', async () => {
    const first = await t.viewer.get('/api/notifications/preferences');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 0,
      email: 'viewer@test.local',
      kinds: { check_in_due: 'email', digest: 'email', mention: 'email', comment: 'email' },
      timeZone: null,
      effectiveTimeZone: 'UTC',
      teamIds: [],
      emailAvailable: false,
      chatAvailable: false,
    });
    expect((await t.viewer.put('/api/notifications/preferences', { timeZone: 'Europe/Berlin' })).status).toBe(428);
    const team = await buildTeam(t.admin);
    const saved = await t.viewer.put(
      '/api/notifications/preferences',
      { timeZone: 'Europe/Berlin', kinds: { digest: 'none' }, teamIds: [team.id] },
      ifMatch(0),
    );
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    expect(saved.body).toMatchObject({
      version: 1,
      timeZone: 'Europe/Berlin',
      effectiveTimeZone: 'Europe/Berlin',
      kinds: { digest: 'none', mention: 'email' },
      teamIds: [team.id],
    });
    const stale = await t.viewer.put('/api/notifications/preferences', { timeZone: null }, ifMatch(0));
    expect(stale.status).toBe(412);
    expect(stale.body.error.current.version).toBe(1);
    // Another person's choices are their own.
    expect((await t.editor.get('/api/notifications/preferences')).body.version).toBe(0);
  });

  it('refuses unknown time zones, teams and choices with 400 and changes nothing', async () => {
    const current = (await t.editor.get('/api/notifications/preferences')).body;
    for (const body of [
      { timeZone: 'Mars/Olympus' },
      { teamIds: ['00000000-0000-4000-8000-000000000000'] },
      { kinds: { digest: 'pigeon' } },
      { kinds: { weekly: 'email' } },
      { unknown: true },
    ]) {
      const res = await t.editor.put('/api/notifications/preferences', body, ifMatch(current.version));
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.editor.get('/api/notifications/preferences')).body).toEqual(current);
  });

  it('a read-only API token reads them but changes nothing', async () => {
    const token = (await t.editor.post('/api/api-tokens', { name: 'Read', scope: 'read' })).body.token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.anonymous.get('/api/notifications/preferences', headers)).status).toBe(200);
    const res = await t.anonymous.put(
      '/api/notifications/preferences',
      { timeZone: 'UTC' },
      { ...headers, ...ifMatch(0) },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/read-only/);
  });

  it('with no SMTP_URL, e-mail is off: the overview says so and nothing is queued for e-mail', async () => {
    expect((await t.admin.get('/api/notifications/overview')).body.email).toEqual({
      enabled: false,
      from: null,
      server: null,
    });
    const written = await t.db.write((m) => t.services.notifier.notify(m, [note(t)]));
    expect(written).toBe(0);
  });

  describe('organisation settings', () => {
    it('admins set the default time zone (If-Match), which people without their own follow', async () => {
      const current = (await t.admin.get('/api/settings/notifications')).body;
      expect(current).toMatchObject({ version: 0, settings: { defaultTimeZone: 'UTC', digestEnabled: true } });
      const saved = await t.admin.put(
        '/api/settings/notifications',
        { defaultTimeZone: 'America/New_York', digestEnabled: true, remindersEnabled: true },
        ifMatch(0),
      );
      expect(saved.status).toBe(200);
      expect((await t.editor.get('/api/notifications/preferences')).body.effectiveTimeZone).toBe('America/New_York');
      expect((await t.editor.get('/api/settings/notifications')).status).toBe(403);
    });
  });
});
