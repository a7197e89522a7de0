import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * What a user holds besides a session — API tokens and the share links they
 * created — ends with their access: a password reset ends tokens, disabling
 * or deleting the account ends tokens and links, and enabling the account
 * again revives none of them.
 */
describeEachDatabase('access ends with the account: tokens and share links', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  async function newEditor() {
    const email = `end-${randomUUID().slice(0, 8)}@test.local`;
    const res = await t.admin.post('/api/users', { email, name: 'Leaving editor', role: 'editor', password: PASSWORD });
    expect(res.status).toBe(201);
    const session = t.client();
    await session.login(email, PASSWORD);
    const token = (await session.post('/api/api-tokens', { name: 'Sync', scope: 'write' })).body.token as string;
    const link = (await session.post('/api/share-links', { name: 'Board' })).body.token as string;
    return { id: res.body.id as string, version: res.body.version as number, session, token, link };
  }
  const tokenStatus = async (token: string) =>
    (await t.client().get('/api/backlog-items?limit=1', { authorization: `Bearer ${token}` })).status;
  const linkStatus = async (link: string) => (await t.client().get(`/api/shared/${link}/dashboard`)).status;
  const me = async (c: ApiClient) => (await c.get('/api/auth/me')).status;

  it('a password reset by an admin ends the user’s API tokens and sessions; their share links stay', async () => {
    const u = await newEditor();
    expect(await tokenStatus(u.token)).toBe(200);
    const reset = await t.admin.patch(`/api/users/${u.id}`, { password: 'a brand new long passphrase' }, u.version);
    expect(reset.status).toBe(200);
    expect(await tokenStatus(u.token)).toBe(401);
    expect(await me(u.session)).toBe(401);
    expect(await linkStatus(u.link)).toBe(200);
    const tokens = (await t.admin.get('/api/api-tokens')).body as { userId?: string; revokedAt: string | null }[];
    expect(tokens.filter((x) => x.userId === u.id).every((x) => x.revokedAt !== null)).toBe(true);
  });

  it('disabling a user ends their tokens and share links, and enabling them again revives neither', async () => {
    const u = await newEditor();
    expect(await linkStatus(u.link)).toBe(200);
    const disabled = await t.admin.patch(`/api/users/${u.id}`, { disabled: true }, u.version);
    expect(disabled.status).toBe(200);
    expect(await tokenStatus(u.token)).toBe(401);
    expect(await linkStatus(u.link)).toBe(404);
    const enabled = await t.admin.patch(`/api/users/${u.id}`, { disabled: false }, disabled.body.version);
    expect(enabled.status).toBe(200);
    expect(await tokenStatus(u.token)).toBe(401);
    expect(await linkStatus(u.link)).toBe(404);
    const links = (await t.admin.get('/api/share-links')).body as { createdById: string | null; status: string }[];
    expect(links.filter((l) => l.createdById === u.id).map((l) => l.status)).toEqual(['revoked']);
  });

  it('deleting a user ends the share links they created', async () => {
    const u = await newEditor();
    // Their own token and link are all they made, so the account can be deleted.
    const deleted = await t.admin.delete(`/api/users/${u.id}`, u.version);
    expect(deleted.status).toBe(204);
    expect(await tokenStatus(u.token)).toBe(401);
    expect(await linkStatus(u.link)).toBe(404);
  });

  it('a role change ends sessions but not the links or tokens (tokens follow the new role)', async () => {
    const u = await newEditor();
    const demoted = await t.admin.patch(`/api/users/${u.id}`, { role: 'viewer' }, u.version);
    expect(demoted.status).toBe(200);
    expect(await me(u.session)).toBe(401);
    expect(await tokenStatus(u.token)).toBe(200);
    expect(await linkStatus(u.link)).toBe(200);
  });
});
