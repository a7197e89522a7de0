import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, useE2e } from './fixture';
import { SignInPage } from './pages/sign-in.page';

describe('signing in through the browser', () => {
  const e2e = useE2e();
  beforeAll(async () => {});

  it('refuses a wrong password with the server message, then signs in and shows who is signed in', async () => {
    const page = await e2e.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(e2e.baseUrl);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');

    await signIn.signIn(ADMIN.email, 'not the password at all');
    await expect.poll(() => signIn.error().textContent()).toContain('Email or password is wrong');

    await signIn.signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByText('Administrator').isVisible()).toBe(true);
    expect(await page.getByLabel('Role: admin').isVisible()).toBe(true);
    expect(page.url()).toContain('/okrs');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('serves deep links as the app but a missing chunk as a 404, not index.html disguised as JavaScript', async () => {
    const deep = await fetch(`${e2e.baseUrl}/dashboard`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const chunk = await fetch(`${e2e.baseUrl}/assets/gone-after-a-redeploy.js`);
    expect(chunk.status).toBe(404);
  });
});
