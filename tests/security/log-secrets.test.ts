import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { startLoggedServer, type LoggedServer } from './support/logged-server';

/**
 * Share-link tokens stood in plain text in the
 * request log (`/api/shared/<token>/dashboard`, and the page `/shared/<token>`).
 * Whoever reads the logs could open every shared dashboard. The logged URL,
 * query and route parameters are masked: the share token, and any
 * credential-named or token-like value in a URL.
 * The log is the HTTP layer's, the same on both databases: SQLite only.
 */
describe('request logs keep URL credentials out', () => {
  let s: LoggedServer;
  beforeAll(async () => {
    s = await startLoggedServer('sqlite');
  });
  afterAll(() => s?.stop());

  it('masks share-link tokens and credential-like URL values in every request line', async () => {
    const link = await s.admin.post('/api/share-links', { name: 'Board' });
    expect(link.status).toBe(201);
    const token: string = link.body.token;
    const anonymous = new ApiClient(s.baseUrl);
    expect((await anonymous.get(`/api/shared/${token}/dashboard`)).status).toBe(200);
    await anonymous.get(`/shared/${token}`); // the page (no client built here: a 404, still logged)
    const webhookSecret = 'jira-webhook-secret-value-0123456789';
    await anonymous.post(`/api/hooks/jira/0b6f2a8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b?secret=${webhookSecret}`, {});
    const code = 'authorisation-code-4711';
    await anonymous.get(`/api/auth/oidc/callback?code=${code}&state=state-value-0815`);
    const stray = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789';
    await s.admin.get(`/api/backlog-items?access_token=plain-text-token-42&q=${stray}`);

    const text = s.logText();
    const lines = s.logLines().filter((l) => (l as any).req?.url);
    const urls = lines.map((l) => (l as any).req.url as string);
    expect(urls.some((u) => u.startsWith('/api/shared/[redacted]/dashboard'))).toBe(true);
    expect(urls).toContain('/shared/[redacted]');
    for (const secret of [token, webhookSecret, code, 'state-value-0815', 'plain-text-token-42', stray]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
