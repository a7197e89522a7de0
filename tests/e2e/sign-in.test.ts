import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, startServerProcess, type ServerProcess } from '../support/server-process';
import { SignInPage } from './pages/sign-in.page';

describe('signing in through the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong password with the server message, then signs in and shows who is signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
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
    await context.close();
  });

  it('serves deep links as the app but a missing chunk as a 404, not index.html disguised as JavaScript', async () => {
    const deep = await fetch(`${server.baseUrl}/dashboard`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const chunk = await fetch(`${server.baseUrl}/assets/gone-after-a-redeploy.js`);
    expect(chunk.status).toBe(404);
  });
});
