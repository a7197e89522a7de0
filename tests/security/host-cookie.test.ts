import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const attributes = (res: ApiResponse) =>
  (res.headers.get('set-cookie') ?? '').split(';').map((p) => p.trim().toLowerCase());

/**
 * Over https the session cookie is `__Host-keyline_session`: Secure, Path=/
 * and no Domain, so a sibling subdomain or an http page cannot plant or
 * shadow it. Over http it keeps its plain name. Reading takes the name in use.
 */
describeEachDatabase('the session cookie takes the __Host- prefix over https', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { TRUST_PROXY: '1' });
  });
  afterAll(() => t.stop());
  const https = () => ({ 'x-forwarded-proto': 'https', origin: t.baseUrl.replace('http:', 'https:') });

  it('sets __Host-keyline_session, Secure, Path=/ and no Domain over https; reads it back; clears it at sign-out', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: 'editor@test.local', password: PASSWORD }, https());
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-keyline_session=/);
    expect(attributes(res)).toEqual(expect.arrayContaining(['secure', 'path=/', 'httponly', 'samesite=lax']));
    expect(attributes(res).some((a) => a.startsWith('domain='))).toBe(false);
    expect((await c.get('/api/auth/me', https())).status).toBe(200);
    // The same token under the plain name is not what an https request reads.
    const token = c.sessionCookie.split('=')[1]!;
    expect((await t.client().useSessionCookie(`keyline_session=${token}`).get('/api/auth/me', https())).status).toBe(
      401,
    );
    const out = await c.post('/api/auth/logout', undefined, https());
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-keyline_session=;/);
  });

  it('keeps the plain name over http', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: 'viewer@test.local', password: PASSWORD });
    expect(res.headers.get('set-cookie')).toMatch(/^keyline_session=/);
    expect(attributes(res)).not.toContain('secure');
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });
});
