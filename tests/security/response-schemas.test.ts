import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanError } from '../support/errors';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Answers were never held to their zod response
 * schema, so a field added to the shared dashboard or to an audit entry
 * went out to whoever could read it. Outside production the route layer now
 * checks every answer (an undeclared field or a refused value is a 500, so
 * a test meets it first); in production public answers are cut to their
 * schema. The rest of the suites run with the check on: every answer they
 * read matched its schema.
 *
 * A developer's slip is simulated by wrapping a service the way a new field
 * would be added. HTTP-layer behaviour: SQLite only.
 */
const LEAK = 'ceo@private.example';

describe('answers held to their response schema', () => {
  let t: TestServer;
  let prod: TestServer;
  let shareToken: string;
  let prodShareToken: string;

  beforeAll(async () => {
    t = await startTestServer('sqlite');
    prod = await startTestServer('sqlite', { NODE_ENV: 'production' });
    shareToken = (await t.editor.post('/api/share-links', { name: 'Board' })).body.token;
    prodShareToken = (await prod.editor.post('/api/share-links', { name: 'Board' })).body.token;
    await t.admin.post('/api/teams', { name: 'Audited team' });
    for (const server of [t, prod]) {
      const dashboard = server.services.dashboard;
      const get = dashboard.get.bind(dashboard);
      // A figure added to the DTO but not to DashboardSchema.
      dashboard.get = async (...args: Parameters<typeof get>) => ({ ...(await get(...args)), ownerEmails: [LEAK] });
    }
    const audit = t.services.audit;
    const list = audit.list.bind(audit);
    // A column added to audit entries but not to AuditEventSchema.
    audit.list = async (...args: Parameters<typeof list>) => {
      const page = await list(...args);
      return { ...page, items: page.items.map((e) => ({ ...e, actorEmail: LEAK })) };
    };
  });
  afterAll(async () => {
    await t?.stop();
    await prod?.stop();
  });

  it('refuses to send a dashboard field its schema does not declare, through a share link or signed in', async () => {
    for (const res of [
      await t.anonymous.get(`/api/shared/${shareToken}/dashboard`),
      await t.viewer.get('/api/dashboard'),
    ]) {
      expectCleanError(res, 500, 'INTERNAL');
      expect(JSON.stringify(res.body)).not.toContain(LEAK);
    }
  });

  it('refuses to send an audit entry with an undeclared field', async () => {
    const res = await t.viewer.get('/api/audit-events?entity=team');
    expectCleanError(res, 500, 'INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain(LEAK);
  });

  it('in production, cuts a public answer down to its schema', async () => {
    const res = await prod.anonymous.get(`/api/shared/${prodShareToken}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.body.headline).toBeDefined();
    expect(JSON.stringify(res.body)).not.toContain(LEAK);
  });

  it('lets every answer that matches its schema through unchanged', async () => {
    const teams = await t.viewer.get('/api/teams');
    expect(teams.status).toBe(200);
    expect(teams.body.map((x: any) => x.name)).toContain('Audited team');
    const me = await t.viewer.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(Object.keys(me.body.user).sort()).toEqual(['email', 'id', 'name', 'role']);
  });
});
