import { createHash } from 'node:crypto';
import { DashboardSchema } from '@keyline/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShareLinkEntity } from '../../server/src/features/share-links/share-link.entity';
import { describeEachDatabase } from '../support/databases';
import { buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { captureState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';
import { dayFromToday } from '../support/days';

const day = dayFromToday;

describeEachDatabase('dashboard share links', (kind) => {
  let t: TestServer;
  let team: { id: string };
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await buildTeam(t.admin);
    const cycle = await buildCycle(t.editor, {
      name: 'Share-Q',
      startsOn: day(-20),
      endsOn: day(70),
      status: 'active',
    });
    await buildKeyResult(t.editor, {
      objectiveId: (await buildObjective(t.editor, { cycleId: cycle.id, title: 'Company goal' })).id,
    });
    await buildKeyResult(t.editor, {
      objectiveId: (await buildObjective(t.editor, { cycleId: cycle.id, title: 'Team goal', teamId: team.id })).id,
    });
  });
  afterAll(() => t.stop());

  /** A fresh client: no cookie, no session, like a leader opening the link. */
  const stranger = () => t.client();

  it('creates a link whose token is shown once and stored only as its SHA-256, and opens the dashboard with no sign-in', async () => {
    expect((await t.viewer.post('/api/share-links', { name: 'Board' })).status).toBe(403);
    expect((await t.anonymous.post('/api/share-links', { name: 'Board' })).status).toBe(401);
    expect((await t.editor.post('/api/share-links', { name: '' })).status).toBe(400);
    expect((await t.editor.post('/api/share-links', { name: 'Past', expiresAt: '2020-01-01T00:00:00Z' })).status).toBe(
      400,
    );

    const created = await t.editor.post('/api/share-links', { name: 'Quarterly review' });
    expect(created.status).toBe(201);
    const { token, url, id } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`/shared/${token}`);
    expect(created.body).toMatchObject({
      name: 'Quarterly review',
      status: 'active',
      expiresAt: null,
      revokedAt: null,
      createdByName: 'Test editor',
    });

    const row = await t.db.read((m) => m.findOneByOrFail(ShareLinkEntity, { id }));
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await t.editor.get('/api/share-links');
    expect(list.body.map((l: any) => l.id)).toContain(id);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body[0]).not.toHaveProperty('token');
    expect(list.body[0]).not.toHaveProperty('tokenHash');
    expect((await t.viewer.get('/api/share-links')).status).toBe(403);

    const shared = await stranger().get(`/api/shared/${token}/dashboard`);
    expect(shared.status).toBe(200);
    const dashboard = DashboardSchema.parse(shared.body);
    expect(dashboard.cycle?.name).toBe('Share-Q');
    expect(dashboard.objectives.map((o) => o.title).sort()).toEqual(['Company goal', 'Team goal']);
    expect(shared.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shared.headers.get('x-robots-tag')).toContain('noindex');
    const teamView = await stranger().get(`/api/shared/${token}/dashboard?teamId=${team.id}`);
    expect(teamView.body.objectives.map((o: any) => o.title)).toEqual(['Team goal']);
  });

  it('answers the same 404 for unknown, malformed, expired and revoked tokens', async () => {
    const expiring = (
      await t.editor.post('/api/share-links', {
        name: 'Short',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).body;
    expect(expiring.status).toBe('active');
    expect((await stranger().get(`/api/shared/${expiring.token}/dashboard`)).status).toBe(200);
    // Arrange: the hour has passed.
    await t.db.write((m) =>
      m.update(ShareLinkEntity, { id: expiring.id }, { expiresAt: new Date(Date.now() - 1000).toISOString() }),
    );

    const revoked = (await t.editor.post('/api/share-links', { name: 'Revoked' })).body;
    expect((await t.editor.delete(`/api/share-links/${revoked.id}`)).status).toBe(428);
    expect((await t.viewer.delete(`/api/share-links/${revoked.id}`, revoked.version)).status).toBe(403);
    expect((await t.editor.delete(`/api/share-links/${revoked.id}`, revoked.version)).status).toBe(204);
    expect((await t.editor.delete(`/api/share-links/${revoked.id}`, revoked.version + 1)).status).toBe(409);

    const unknown = Buffer.alloc(32, 7).toString('base64url');
    const answers = [];
    for (const token of [unknown, 'short', `${unknown}x`, expiring.token, revoked.token]) {
      const res = await stranger().get(`/api/shared/${token}/dashboard`);
      answers.push({ status: res.status, body: res.body });
    }
    expect(answers.every((a) => a.status === 404)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);

    // The list keeps revoked and expired links, saying which is which.
    const list = (await t.editor.get('/api/share-links')).body;
    expect(list.find((l: any) => l.id === revoked.id)).toMatchObject({
      status: 'revoked',
      version: revoked.version + 1,
    });
    expect(list.find((l: any) => l.id === revoked.id).revokedAt).not.toBeNull();
    expect(list.find((l: any) => l.id === expiring.id).status).toBe('expired');
    const audit = await t.admin.get(`/api/audit-events?entity=shareLink&entityId=${revoked.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['update', 'create']);
  });

  it('is accepted on its one route only: as a cookie or a Bearer token anywhere else it gets a 401, and it can write nothing', async () => {
    const { token } = (await t.editor.post('/api/share-links', { name: 'Boundaries' })).body;
    const before = await captureState(t.admin);
    const asCookie = { cookie: `keyline_session=${token}` };
    const asBearer = { authorization: `Bearer ${token}` };
    const refused: string[] = [];
    for (const headers of [asCookie, asBearer]) {
      for (const [method, path] of [
        ['GET', '/api/dashboard'],
        ['GET', '/api/key-results'],
        ['GET', '/api/share-links'],
        ['GET', '/api/auth/me'],
        ['GET', '/api/planner?capacity=5'],
        ['POST', '/api/share-links'],
        ['POST', '/api/planner/apply'],
      ] as const) {
        const res = await stranger().request(method, path, {
          headers,
          ...(method === 'POST' && { body: { name: 'x', itemIds: [crypto.randomUUID()] } }),
        });
        if (res.status !== 401) refused.push(`${method} ${path} with ${Object.keys(headers)[0]} → ${res.status}`);
      }
    }
    expect(refused).toEqual([]);
    // The share route itself with the token in the path, not the header, still works for a stranger.
    expect((await stranger().get(`/api/shared/${token}/dashboard`)).status).toBe(200);
    expect(await captureState(t.admin)).toEqual(before);
  });
});
