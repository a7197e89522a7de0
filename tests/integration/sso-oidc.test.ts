import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { BrowserLike, signInThroughProvider } from '../support/oidc/sign-in-flow';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../support/oidc/test-provider';
import { freePort } from '../support/server-process';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * Single sign-on against a real OpenID provider (oidc-provider 9, PKCE
 * required), through its own login and consent pages, over real HTTP.
 */
describeEachDatabase('single sign-on with OpenID Connect', (kind) => {
  let t: TestServer;
  let provider: TestProvider;
  let keylineUrl: string;
  let host: string;

  beforeAll(async () => {
    const port = await freePort();
    keylineUrl = `http://127.0.0.1:${port}`;
    host = `127.0.0.1:${port}`;
    provider = await startTestProvider({ keylineUrl });
    t = await startTestServer(
      kind,
      {
        PUBLIC_URL: keylineUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: TEST_CLIENT_ID,
        OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
        OIDC_PROVIDER_NAME: 'Acme ID',
        OIDC_ALLOWED_DOMAINS: 'acme.test,test.local',
        OIDC_ROLES_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'keyline-admins=admin,product=editor',
        PASSWORD_SIGN_IN: 'admins',
      },
      { port },
    );
  });
  afterAll(async () => {
    await t?.stop();
    await provider?.stop();
  });
  beforeEach(() => provider.setClockOffset(0));

  const userCount = async () => (await t.admin.get('/api/users')).body.length as number;
  /** Signs in as `login` in a fresh browser; returns where Keyline sent it and the API as that browser. */
  async function signIn(login: string, options: Parameters<typeof signInThroughProvider>[3] = {}) {
    const browser = new BrowserLike();
    const result = await signInThroughProvider(browser, keylineUrl, login, options);
    const cookie = browser.cookie(host, 'keyline_session');
    return {
      ...result,
      browser,
      api: new ApiClient(keylineUrl).useSessionCookie(cookie ? `keyline_session=${cookie}` : ''),
    };
  }

  it('tells the sign-in page which provider to offer and that passwords are for admins only', async () => {
    const res = await t.anonymous.get('/api/auth/sign-in-options');
    expect(res.body).toEqual({ sso: { providerName: 'Acme ID' }, passwordSignIn: 'admins' });
  });

  it('creates a first-time user just in time with the role their group maps to, and lands on the page asked for', async () => {
    await provider.setAccount('ana', {
      email: 'ana@acme.test',
      email_verified: true,
      name: 'Ana Ruiz',
      groups: ['product', 'everyone'],
    });
    const before = await userCount();
    const { location, api } = await signIn('ana', { returnTo: '/backlog?team=x' });
    expect(location).toBe('/backlog?team=x');
    const me = await api.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'ana@acme.test', name: 'Ana Ruiz', role: 'editor' });
    expect(await userCount()).toBe(before + 1);
    const audit = await t.admin.get(`/api/audit-events?entity=user&entityId=${me.body.user.id}`);
    expect(audit.body.items.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
      ['create', 'Ana Ruiz'],
    ]);
  });

  it('updates name and role from the claims at the next sign-in, and ends the sessions of the old role', async () => {
    await provider.setAccount('ana', {
      email: 'ana@acme.test',
      email_verified: true,
      name: 'Ana Ruiz-Díaz',
      groups: ['keyline-admins'],
    });
    const first = await signIn('ana');
    await provider.setAccount('ana', {
      email: 'ana@acme.test',
      email_verified: true,
      name: 'Ana Ruiz-Díaz',
      groups: [],
    });
    const second = await signIn('ana');
    expect((await second.api.get('/api/auth/me')).body.user).toMatchObject({ name: 'Ana Ruiz-Díaz', role: 'viewer' });
    expect((await first.api.get('/api/auth/me')).status).toBe(401);
  });

  it('links an existing password user with the same verified e-mail once, audited, keeping their role when no group claim comes', async () => {
    await provider.setAccount('ed-at-idp', { email: 'editor@test.local', email_verified: true, name: 'Test editor' });
    const before = await userCount();
    const { api } = await signIn('ed-at-idp');
    const me = (await api.get('/api/auth/me')).body.user;
    expect(me).toMatchObject({ id: t.users.editor, role: 'editor' });
    expect(await userCount()).toBe(before);
    const audit = (await t.admin.get(`/api/audit-events?entity=user&entityId=${t.users.editor}`)).body.items;
    const link = audit.find((e: { after: { singleSignOn?: unknown } }) => e.after?.singleSignOn);
    expect(link.after.singleSignOn).toEqual({ issuer: provider.issuer, subject: 'ed-at-idp' });

    // A second provider account with the same e-mail cannot take the user over.
    await provider.setAccount('impostor', { email: 'editor@test.local', email_verified: true, name: 'Impostor' });
    const again = await signIn('impostor');
    expect(again.location).toMatch(/^\/signin\?sso_error=already_linked&request_id=[\w-]+$/);
    expect(again.browser.cookie(host, 'keyline_session')).toBeUndefined();
  });

  it('refuses an e-mail domain that is not allowed, an unverified e-mail and a disabled user, creating nothing', async () => {
    await provider.setAccount('mallory', { email: 'mallory@evil.test', email_verified: true, name: 'Mallory' });
    await provider.setAccount('unverified', { email: 'new@acme.test', email_verified: false, name: 'New' });
    const disabled = (
      await t.admin.post('/api/users', { email: 'gone@acme.test', name: 'Gone', role: 'viewer', password: PASSWORD })
    ).body;
    await t.admin.patch(`/api/users/${disabled.id}`, { disabled: true }, disabled.version);
    await provider.setAccount('gone', { email: 'gone@acme.test', email_verified: true, name: 'Gone' });
    const before = await userCount();
    expect((await signIn('mallory')).location).toMatch(/sso_error=domain_not_allowed/);
    expect((await signIn('unverified')).location).toMatch(/sso_error=email_unverified/);
    expect((await signIn('gone')).location).toMatch(/sso_error=disabled/);
    expect(await userCount()).toBe(before);
  });

  it('refuses a wrong state and a replayed callback', async () => {
    await provider.setAccount('sam', { email: 'sam@acme.test', email_verified: true, name: 'Sam' });
    const before = await userCount();
    const tampered = await signIn('sam', {
      beforeCallback: (url) => {
        url.searchParams.set('state', 'not-the-state-we-sent');
        return url;
      },
    });
    expect(tampered.location).toMatch(/sso_error=state_mismatch/);
    expect(await userCount()).toBe(before);

    const good = await signIn('sam');
    expect(good.location).toBe('/backlog');
    // The same callback again, from the same browser (its state cookie put back): the state was used up.
    const state = new URL(good.callbackUrl).searchParams.get('state') as string;
    good.browser.setCookie(host, 'keyline_oidc_state', state);
    const replay = await good.browser.fetch(good.callbackUrl);
    expect(replay.headers.get('location')).toMatch(/sso_error=state_mismatch/);
  });

  it('refuses an expired ID token (the provider’s clock two hours behind)', async () => {
    await provider.setAccount('late', { email: 'late@acme.test', email_verified: true, name: 'Late' });
    await provider.setClockOffset(-2 * 3600);
    const before = await userCount();
    const { location } = await signIn('late');
    expect(location).toMatch(/sso_error=invalid_token/);
    expect(await userCount()).toBe(before);
  });

  it('with PASSWORD_SIGN_IN=admins refuses an editor’s right password, and still takes an admin’s', async () => {
    const editor = await t.client().post('/api/auth/login', { email: 'editor@test.local', password: PASSWORD });
    expectCleanError(editor, 403, 'SSO_REQUIRED');
    expect(editor.body.error.message).toContain('Sign in with Acme ID');
    const wrong = await t.client().post('/api/auth/login', { email: 'editor@test.local', password: 'wrong password!' });
    expectCleanError(wrong, 401, 'INVALID_CREDENTIALS');
    expect((await t.client().post('/api/auth/login', { email: 'admin@test.local', password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('signs out of the provider too: answers its end-session URL and ends the Keyline session', async () => {
    await provider.setAccount('olga', { email: 'olga@acme.test', email_verified: true, name: 'Olga' });
    const { api } = await signIn('olga');
    const out = await api.post('/api/auth/oidc/logout');
    expect(out.status).toBe(200);
    const url = new URL(out.body.redirectTo);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${keylineUrl}/signin`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await api.get('/api/auth/me')).status).toBe(401);
    // A password session has nothing to end at the provider.
    const admin = t.client();
    await admin.login('admin@test.local', PASSWORD);
    expect((await admin.post('/api/auth/oidc/logout')).body).toEqual({ redirectTo: null });
  });
});
