import { describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, useE2e } from './fixture';
import { SignInPage } from './pages/sign-in.page';

describe('signing in through the browser', () => {
  const e2e = useE2e();

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

  it("loads only the sign-in screen's own code: no schema library, no shell, no other screen", async () => {
    const page = await e2e.newPage();
    const scripts: string[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('.js')) scripts.push(res.url());
    });
    await new SignInPage(page).open(e2e.baseUrl);
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    const code = (await Promise.all(scripts.map(async (url) => (await fetch(url)).text()))).join('\n');
    expect(code).toContain('Sign in');
    // zod's error class, the shell's account menu and a screen's heading are not on this page.
    expect(code).not.toContain('ZodError');
    expect(code).not.toContain('Change password');
    expect(code).not.toContain('Import CSV or Jira');
    await page.context().close();
  });

  it("fetches a screen's code before its link is clicked (on hover, or when the browser is idle)", async () => {
    const page = await e2e.newPage();
    // Listening from the start: under load the idle preload may come before the hover.
    const alignment = page.waitForResponse((res) => /\/assets\/AlignmentPage-[^/]*\.js$/.test(res.url()));
    const signIn = new SignInPage(page);
    await signIn.open(e2e.baseUrl);
    await signIn.signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alignment' }).hover();
    expect((await alignment).ok()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alignment' }).click();
    await page.getByRole('heading', { name: 'Alignment', level: 1 }).waitFor();
    await page.context().close();
  });
});
