import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { ChatReceiver } from '../support/chat-receiver';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually } from '../support/webhook-receiver';
import { dayFromToday as day } from '../support/days';

const PUBLIC_URL = 'https://keyline.example.com';
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/**
 * Slack and Teams incoming webhooks, posted to a local server that speaks
 * both protocols and refuses what the platforms would refuse: events in each
 * platform's format, people's messages in the channel of their team (or the
 * organisation's), and the platforms' own errors.
 */
describeEachDatabase('chat channels', (kind) => {
  let t: TestServer;
  let chat: ChatReceiver;
  let slack: any;
  let teams: any;
  let team: any;

  beforeAll(async () => {
    chat = await new ChatReceiver().start();
    t = await startTestServer(kind, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      PUBLIC_URL,
      NOTIFY_POLL_MS: '50',
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_TIMEOUT_MS: '500',
    });
    t.services.sender.start();
    team = await buildTeam(t.admin, { name: 'Growth' });
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await t.stop();
    await chat.stop();
  });

  it('adds channels without ever showing their URL again, and audits them without it', async () => {
    const created = await t.admin.post('/api/chat-channels', {
      platform: 'slack',
      name: '#okrs',
      url: chat.url('/slack/T000/B000/XXXXsecretXy9Q'),
      events: ['check_in.created', 'key_result.status_changed', 'cycle.closed'],
    });
    expect(created.status).toBe(201);
    slack = created.body;
    expect(slack).toMatchObject({ platform: 'slack', name: '#okrs', teamId: null, active: true, version: 1 });
    expect(slack.urlHint).toBe(`${new URL(chat.baseUrl).host}/…y9Q`.replace('…y9Q', '…Xy9Q'));
    expect(JSON.stringify(slack)).not.toContain('secret');
    const teamsRes = await t.admin.post('/api/chat-channels', {
      platform: 'teams',
      name: 'Growth team',
      url: chat.url('/teams/workflows/growth'),
      teamId: team.id,
    });
    expect(teamsRes.status).toBe(201);
    teams = teamsRes.body;
    expect(JSON.stringify((await t.admin.get('/api/chat-channels')).body)).not.toContain('secret');
    const audit = await t.admin.get(`/api/audit-events?entity=chatChannel&entityId=${slack.id}`);
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).not.toContain('secret');
    // Only admins, from a session; bad input is a 400 that changes nothing.
    expect((await t.editor.get('/api/chat-channels')).status).toBe(403);
    for (const body of [
      { platform: 'discord', name: 'x', url: chat.url('/x') },
      { platform: 'slack', name: '', url: chat.url('/x') },
      { platform: 'slack', name: 'x', url: 'ftp://example.com/x' },
      { platform: 'slack', name: 'x', url: chat.url('/x'), teamId: '00000000-0000-4000-8000-000000000000' },
      { platform: 'slack', name: 'x', url: chat.url('/x'), events: ['nope'] },
    ]) {
      expect((await t.admin.post('/api/chat-channels', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.admin.get('/api/chat-channels')).body).toHaveLength(2);
  });

  it('posts followed events in Slack Block Kit, with links starting with PUBLIC_URL', async () => {
    const cycle = await buildCycle(t.editor, { startsOn: day(-30), endsOn: day(60), status: 'active' });
    const kr = await buildKeyResult(t.editor, {
      objectiveId: (await buildObjective(t.editor, { cycleId: cycle.id })).id,
      title: 'Trial <to> paid',
    });
    await t.editor.post(`/api/key-results/${kr.id}/check-ins`, {
      value: 40,
      confidence: 7,
      note: 'Pricing *test* slipped',
    });
    const [post] = await eventually(
      () => chat.at(new URL(slackUrl()).pathname).length === 1 && chat.at(new URL(slackUrl()).pathname),
    );
    expect(post!.body.text).toContain('Check-in on Trial <to> paid');
    const blocks = post!.body.blocks;
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Check-in on Trial <to> paid', emoji: false },
    });
    expect(blocks[1].text.text).toContain('Test editor checked in 40 % (was 0, target 100), confidence 7/10.');
    expect(blocks[1].text.text).toContain('>Pricing *test* slipped');
    const button = blocks.find((b: any) => b.type === 'actions').elements[0];
    expect(button.url).toBe(`${PUBLIC_URL}/key-results/${kr.id}`);
    // The Teams channel follows no event: nothing there.
    expect(chat.at('/teams/workflows/growth')).toHaveLength(0);
  });

  it('sends a person who chose chat their messages in their team’s channel, else the organisation’s', async () => {
    // The editor follows Growth (Teams channel); the viewer follows nothing (the organisation's Slack).
    const editorPrefs = (await t.editor.get('/api/notifications/preferences')).body;
    expect(editorPrefs.chatAvailable).toBe(true);
    await t.editor.put(
      '/api/notifications/preferences',
      { kinds: { check_in_due: 'chat' }, teamIds: [team.id] },
      ifMatch(editorPrefs.version),
    );
    await t.viewer.put('/api/notifications/preferences', { kinds: { mention: 'chat' } }, ifMatch(0));
    const content = {
      subject: 'A key result needs a check-in',
      intro: 'No check-in for 9 days.',
      sections: [
        { heading: 'Due now', items: [{ text: 'Activation [beta]', detail: '9 days', path: '/key-results/x' }] },
      ],
      action: { label: 'Open your key results', path: '/okrs' },
    };
    const before = chat.at(new URL(slackUrl()).pathname).length;
    const written = await t.db.write((m) =>
      t.services.notifier.notify(m, [
        { key: 'chat-1', userId: t.users.editor, kind: 'check_in_due', content },
        {
          key: 'chat-2',
          userId: t.users.viewer,
          kind: 'mention',
          content: { ...content, subject: 'You were mentioned' },
        },
        // E-mail is off on this server and the admin chose nothing: not written.
        { key: 'chat-3', userId: t.users.admin, kind: 'mention', content },
      ]),
    );
    expect(written).toBe(2);
    const [card] = await eventually(
      () => chat.at('/teams/workflows/growth').length === 1 && chat.at('/teams/workflows/growth'),
    );
    const adaptive = card!.body.attachments[0].content;
    expect(adaptive.version).toBe('1.4');
    expect(adaptive.body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'A key result needs a check-in',
      weight: 'Bolder',
    });
    expect(JSON.stringify(adaptive.body)).toContain(
      `[Activation \\\\[beta\\\\]](${PUBLIC_URL}/key-results/x) — 9 days`,
    );
    expect(JSON.stringify(adaptive.body)).toContain(
      `For Test editor. [Change what Keyline sends you](${PUBLIC_URL}/profile)`,
    );
    expect(adaptive.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open your key results', url: `${PUBLIC_URL}/okrs` },
    ]);
    const slackPosts = await eventually(() => {
      const posts = chat.at(new URL(slackUrl()).pathname);
      return posts.length === before + 1 && posts;
    });
    expect(slackPosts.at(-1)!.body.text).toContain('You were mentioned');
    expect(JSON.stringify(slackPosts.at(-1)!.body.blocks)).toContain('For Test viewer.');
  });

  it('a test message goes through the outbox and shows in the delivery log', async () => {
    const res = await t.admin.post(`/api/chat-channels/${teams.id}/test`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ channel: 'teams', kind: 'test', status: 'pending', recipient: 'Growth team' });
    await eventually(async () => {
      const log = (await t.admin.get('/api/notifications/deliveries?channel=teams')).body.items;
      return log.find((d: any) => d.id === res.body.id)?.status === 'delivered';
    });
    const log = (await t.admin.get('/api/notifications/deliveries?channel=teams')).body.items;
    expect(log.find((d: any) => d.id === res.body.id).recipient).toBe('Growth team (Teams)');
  });

  it('retries a rate limit and a hang, and gives up at once on an archived channel', async () => {
    const flaky = (
      await t.admin.post('/api/chat-channels', {
        platform: 'slack',
        name: '#flaky',
        url: chat.url('/slack/flaky', [{ status: 429, text: 'rate_limited' }, 'hang', { status: 500, text: 'oops' }]),
      })
    ).body;
    // After the script, the receiver behaves normally: the fourth attempt is delivered.
    chat.url('/slack/flaky', [
      { status: 429, text: 'rate_limited' },
      'hang',
      { status: 500, text: 'oops' },
      { status: 200, text: 'ok' },
    ]);
    const flakyTest = (await t.admin.post(`/api/chat-channels/${flaky.id}/test`)).body;
    const archived = (
      await t.admin.post('/api/chat-channels', {
        platform: 'slack',
        name: '#old',
        url: chat.url('/slack/old', [{ status: 410, text: 'channel_is_archived' }]),
      })
    ).body;
    const archivedTest = (await t.admin.post(`/api/chat-channels/${archived.id}/test`)).body;
    const delivery = async (id: string) =>
      ((await t.admin.get('/api/notifications/deliveries?channel=slack&limit=200')).body.items as any[]).find(
        (d) => d.id === id,
      );
    const dead = await eventually(async () => {
      const d = await delivery(archivedTest.id);
      return d?.status === 'dead' && d;
    });
    expect(dead).toMatchObject({
      attempts: 1,
      lastStatusCode: 410,
      lastError: 'Slack answered 410: channel_is_archived',
    });
    const done = await eventually(async () => {
      const d = await delivery(flakyTest.id);
      return d?.status === 'delivered' && d;
    }, 20_000);
    expect(done.attempts).toBe(4);
    expect(chat.refused.filter((r) => r.path === '/slack/flaky').map((r) => r.status)).toEqual([429, 500]);
  });

  it('a team with a chat channel cannot be deleted until the channel goes', async () => {
    const current = (await t.admin.get(`/api/teams/${team.id}`)).body;
    const refused = await t.admin.delete(`/api/teams/${team.id}`, current.version);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/chat channel/);
  });

  function slackUrl() {
    return `${chat.baseUrl}/slack/T000/B000/XXXXsecretXy9Q`;
  }
});

describe('chat channels aimed at the server’s own network', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(() => t.stop());

  it('are refused unless WEBHOOK_ALLOW_PRIVATE=true', async () => {
    for (const url of ['http://127.0.0.1:3000/hook', 'http://169.254.169.254/latest', 'http://[::1]/x']) {
      const res = await t.admin.post('/api/chat-channels', { platform: 'slack', name: '#x', url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.message).toMatch(/loopback, private or link-local/);
    }
  });
});
