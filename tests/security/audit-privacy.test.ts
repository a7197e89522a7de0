import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_AUDIT_ENTITIES } from '@keyline/shared';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * `GET /api/audit-events?entity=user` as a viewer listed
 * the e-mails and roles that `/api/users` refuses them; API-token and
 * share-link events leaked too. Entries about accounts and credentials are
 * now for an admin's signed-in session only (like `/api/users` itself).
 */
describeEachDatabase('audit trail: entries about accounts and credentials', (kind) => {
  let t: TestServer;
  let writeToken: Record<string, string>;
  let readToken: Record<string, string>;
  const secretEmail = 'hidden.person@private.example';

  beforeAll(async () => {
    t = await startTestServer(kind);
    const invited = await t.admin.post('/api/users', {
      email: secretEmail,
      name: 'Hidden Person',
      role: 'editor',
      password: PASSWORD,
    });
    expect(invited.status).toBe(201);
    expect((await t.admin.patch(`/api/users/${invited.body.id}`, { role: 'admin' }, invited.body.version)).status).toBe(
      200,
    );
    const write = await t.admin.post('/api/api-tokens', { name: 'deploy bot', scope: 'write' });
    const read = await t.editor.post('/api/api-tokens', { name: 'reporting', scope: 'read' });
    writeToken = { authorization: `Bearer ${write.body.token}` };
    readToken = { authorization: `Bearer ${read.body.token}` };
    expect((await t.editor.post('/api/share-links', { name: 'Board room' })).status).toBe(201);
    expect((await t.admin.post('/api/teams', { name: 'Platform' })).status).toBe(201);
  });
  afterAll(() => t.stop());

  const callers = (): [string, ApiClient, Record<string, string>][] => [
    ['viewer', t.viewer, {}],
    ['editor', t.editor, {}],
    ['read token', t.client(), readToken],
    ['admin’s write token', t.client(), writeToken],
  ];

  it('refuses anyone but an admin’s session the entries about users, tokens and share links, by name', async () => {
    for (const [who, client, headers] of callers()) {
      for (const entity of ['user', 'apiToken', 'shareLink', 'scimToken', 'webhook', 'connection']) {
        const res = await client.get(`/api/audit-events?entity=${entity}`, headers);
        expectCleanError(res, 403, 'FORBIDDEN');
        expect(JSON.stringify(res.body), `${who} ${entity}`).not.toContain(secretEmail);
      }
    }
  });

  it('leaves them out of the unfiltered trail and out of a lookup by id, for everyone else', async () => {
    const userId = (await t.admin.get('/api/users')).body.find((u: any) => u.email === secretEmail).id;
    for (const [who, client, headers] of callers()) {
      const all = await client.get('/api/audit-events?limit=500', headers);
      expect(all.status, who).toBe(200);
      const entities = new Set(all.body.items.map((e: any) => e.entity));
      expect(entities.has('team'), who).toBe(true);
      for (const hidden of ADMIN_AUDIT_ENTITIES) expect(entities.has(hidden), `${who} sees ${hidden}`).toBe(false);
      expect(all.body.total, who).toBe(all.body.items.length);
      const text = JSON.stringify(all.body);
      expect(text, who).not.toContain(secretEmail);
      expect(text, who).not.toContain('deploy bot');
      expect(text, who).not.toContain('Board room');
      const byId = await client.get(`/api/audit-events?entityId=${userId}`, headers);
      expect(byId.status, who).toBe(200);
      expect(byId.body.items, who).toEqual([]);
    }
  });

  it('still shows an admin’s session the whole trail', async () => {
    const users = await t.admin.get('/api/audit-events?entity=user&limit=500');
    expect(users.status).toBe(200);
    const invited = users.body.items.filter((e: any) => e.after?.email === secretEmail);
    expect(invited.map((e: any) => e.action).sort()).toEqual(['create', 'update']);
    expect(invited.find((e: any) => e.action === 'update').after.role).toBe('admin');
    const all = await t.admin.get('/api/audit-events?limit=500');
    const entities = new Set(all.body.items.map((e: any) => e.entity));
    for (const shown of ['user', 'apiToken', 'shareLink', 'team']) expect(entities.has(shown), shown).toBe(true);
  });
});
