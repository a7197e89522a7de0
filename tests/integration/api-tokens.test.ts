import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('API tokens', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('shows the secret once, stores only its hash, and lets a script read and write with it', async () => {
    const created = await t.editor.post('/api/api-tokens', { name: 'CI sync', scope: 'write' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^kl_/);
    const listed = await t.editor.get('/api/api-tokens');
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const script = t.client();
    const read = await script.get('/api/backlog-items', bearer(created.body.token));
    expect(read.status).toBe(200);
    const write = await script.post('/api/backlog-items', { title: 'Made by a script' }, bearer(created.body.token));
    expect(write.status).toBe(201);
    const audit = await t.viewer.get(`/api/audit-events?entity=backlogItem&entityId=${write.body.id}`);
    expect(audit.body.items[0].actorName).toBe('Test editor');
  });

  it('a read token reads but cannot write, and a token never exceeds its owner', async () => {
    const readToken = (await t.editor.post('/api/api-tokens', { name: 'Dashboard export', scope: 'read' })).body.token;
    const script = t.client();
    expect((await script.get('/api/teams', bearer(readToken))).status).toBe(200);
    const refused = await script.post('/api/backlog-items', { title: 'nope' }, bearer(readToken));
    expect(refused.status).toBe(403);
    const editorWrite = (await t.editor.post('/api/api-tokens', { name: 'Editor write', scope: 'write' })).body.token;
    expect((await script.post('/api/teams', { name: 'Not allowed' }, bearer(editorWrite))).status).toBe(403);
  });

  it('refuses revoked, unknown and malformed tokens with 401 and never falls back to a cookie', async () => {
    const created = (await t.editor.post('/api/api-tokens', { name: 'Temp', scope: 'write' })).body;
    expect((await t.editor.delete(`/api/api-tokens/${created.id}`)).status).toBe(204);
    const script = t.client();
    expect((await script.get('/api/teams', bearer(created.token))).status).toBe(401);
    expect((await script.get('/api/teams', bearer('kl_unknown'))).status).toBe(401);
    expect((await script.get('/api/teams', { authorization: 'Basic abc' })).status).toBe(401);
    // A signed-in browser sending a bad token is still refused.
    expect((await t.editor.get('/api/teams', bearer('kl_unknown'))).status).toBe(401);
    const listed = await t.editor.get('/api/api-tokens');
    expect(listed.body.find((x: { id: string }) => x.id === created.id).revokedAt).not.toBeNull();
  });

  it('stops working when its owner is disabled, and cannot mint more tokens', async () => {
    const owner = await t.admin.post('/api/users', {
      email: `owner-${kind}@test.local`,
      name: 'Owner',
      role: 'editor',
      password: 'owner password 2026',
    });
    const session = t.client();
    await session.login(`owner-${kind}@test.local`, 'owner password 2026');
    const token = (await session.post('/api/api-tokens', { name: 'Owner token', scope: 'write' })).body.token;
    const script = t.client();
    expect((await script.post('/api/api-tokens', { name: 'Child', scope: 'write' }, bearer(token))).status).toBe(403);
    await buildBacklogItem(t.editor);
    expect((await script.get('/api/backlog-items', bearer(token))).status).toBe(200);
    const user = (await t.admin.get(`/api/users/${owner.body.id}`)).body;
    expect((await t.admin.patch(`/api/users/${user.id}`, { disabled: true }, user.version)).status).toBe(200);
    expect((await script.get('/api/backlog-items', bearer(token))).status).toBe(401);
  });

  it('rejects an expiry in the past and unknown fields', async () => {
    expect((await t.editor.post('/api/api-tokens', { name: 'Old', expiresAt: '2020-01-01T00:00:00Z' })).status).toBe(
      400,
    );
    expect((await t.editor.post('/api/api-tokens', { name: 'X', role: 'admin' })).status).toBe(400);
    expect((await t.viewer.post('/api/api-tokens', { name: 'Viewer' })).status).toBe(403);
  });
});
