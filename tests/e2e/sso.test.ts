import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/browser';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../support/oidc/test-provider';
import { freePort } from '../support/server-process';
import { ADMIN, useE2e } from './fixture';

describe('single sign-on in the browser', () => {
  let provider: TestProvider;
  // The provider starts first: it must know Keyline's address, and Keyline its issuer.
  const e2e = useE2e({
    env: async () => {
      const port = await freePort();
      const keylineUrl = `http://127.0.0.1:${port}`;
      provider = await startTestProvider({ keylineUrl });
      return {
        PORT: String(port),
        PUBLIC_URL: keylineUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: TEST_CLIENT_ID,
        OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
        OIDC_PROVIDER_NAME: 'Acme ID',
        OIDC_ROLES_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'product=editor',
        PASSWORD_SIGN_IN: 'admins',
      };
    },
  });

  beforeAll(async () => {
    await provider.setAccount('ana', {
      email: 'ana@acme.test',
      email_verified: true,
      name: 'Ana Ruiz',
      groups: ['product'],
    });
  });
  afterAll(async () => {
    await provider?.stop();
  });

  it('signs in through the provider’s own login page and lands on the backlog; signing out goes to the provider', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/backlog`);
    const sso = page.getByRole('link', { name: 'Sign in with Acme ID' });
    await sso.waitFor();
    expect(await page.getByText('Password sign-in is kept for admins only.').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-sso');

    await sso.click();
    // The provider's pages: its login form, then its consent form.
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('whatever the provider asks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${e2e.baseUrl}/backlog`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByText('Ana Ruiz').first().isVisible()).toBe(true);
    expect(await page.getByLabel('Role: editor').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.toString().startsWith(provider.issuer));
    await page.context().close();
  });

  it('shows a failed sign-in in words on the sign-in page, with the reference to quote', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/signin?sso_error=domain_not_allowed&request_id=4f1c2a`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Your e-mail domain is not allowed to sign in to this Keyline.');
    expect(await alert.textContent()).toContain('Reference for your admin: 4f1c2a');
    await screenshot(page, 'sign-in-sso-failed');
    await page.context().close();
  });

  it('Settings → Single sign-on shows the set-up and generates a SCIM token shown once', async () => {
    const page = await e2e.signIn(ADMIN, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${e2e.baseUrl}/settings/single-sign-on`);
    await page.getByRole('heading', { name: 'Single sign-on', level: 2 }).waitFor();
    // The heading comes before the settings arrive: wait for them, then read the rest at once.
    await page.getByText(`${e2e.baseUrl}/api/auth/oidc/callback`).waitFor();
    expect(await page.getByText(`${e2e.baseUrl}/api/auth/oidc/callback`).isVisible()).toBe(true);
    expect(await page.getByText('Only admins may sign in with a password (break-glass)').isVisible()).toBe(true);
    expect(await page.getByText('groups claim: product → editor').isVisible()).toBe(true);

    await page.getByLabel('Token name').fill('Okta provisioning');
    await page.getByRole('button', { name: 'Generate SCIM token' }).click();
    const secret = await page.getByTestId('created-scim-token').inputValue();
    expect(secret).toMatch(/^scim_[\w-]{40,}$/);
    const config = await fetch(`${e2e.baseUrl}/scim/v2/ServiceProviderConfig`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(config.status).toBe(200);
    await expect.poll(() => page.getByTestId('scim-token-row').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-sso');

    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('created-scim-token').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Okta provisioning' }).click();
    await page
      .getByRole('group', { name: 'Confirm revoking Okta provisioning' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByTestId('scim-token-row').getByText('Revoked').waitFor();
    const after = await fetch(`${e2e.baseUrl}/scim/v2/ServiceProviderConfig`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status).toBe(401);
    await page.context().close();
  });
});
