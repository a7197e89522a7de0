import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { launchBrowser, screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, startServerProcess, type ServerProcess } from '../support/server-process';
import { SettingsTokensPage } from './pages/settings-tokens.page';
import { SignInPage } from './pages/sign-in.page';

const EDITOR = { email: 'eli@e2e.local', name: 'Eli Editor', password: 'e2e editor password 2026' };

describe('settings: API tokens, share links and quarters in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let api: ApiClient;
  const contexts: BrowserContext[] = [];

  async function signedIn(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn(email, password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  /** What a script sees: the token as Bearer, no cookie. */
  const withToken = (token: string) =>
    fetch(`${server.baseUrl}/api/backlog-items`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
    api = new ApiClient(server.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    expect(
      (
        await api.post('/api/users', {
          email: EDITOR.email,
          name: EDITOR.name,
          role: 'editor',
          password: EDITOR.password,
        })
      ).status,
    ).toBe(201);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('creates a write token shown once, which works as Bearer until it is revoked', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const settings = new SettingsTokensPage(page);
    await settings.openTab(server.baseUrl, 'api-tokens', 'API tokens');
    expect(await settings.tabs().allInnerTexts()).toEqual([
      'Members',
      'Teams',
      'Quarters',
      'Scoring',
      'API tokens',
      'Share links',
      'Backup',
      'Single sign-on',
      'Integrations',
      'Notifications',
    ]);
    await page.getByText('No API tokens yet.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const token = await settings.createToken('Nightly export', 'Read and write');
    expect(token).toMatch(/^kl_/);
    const panel = settings.createdPanel();
    expect(await panel.innerText()).toContain("you won't see it again");
    expect(await panel.locator('pre').innerText()).toBe(
      `curl -H "Authorization: Bearer ${token}" ${server.baseUrl}/api/backlog-items`,
    );
    const row = settings.tokenRow('Nightly export');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/You\s+Read and write.*Never\s+Never\s+.*Active/s);
    const listed = (await api.get('/api/api-tokens')).body as { name: string; scope: string }[];
    expect(listed).toMatchObject([{ name: 'Nightly export', scope: 'write' }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-api-tokens-created');

    expect((await withToken(token)).status).toBe(200);

    // Done hides the secret for good.
    await panel.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('API token Nightly export').count()).toBe(0);
    await page.reload();
    await row.waitFor();
    expect(await page.getByText(token).count()).toBe(0);

    await settings.revokeToken('Nightly export');
    await page.locator('.toast').filter({ hasText: 'Revoked “Nightly export”' }).waitFor();
    await expect.poll(() => row.innerText()).toContain('Revoked');
    expect(await row.getByRole('button', { name: 'Revoke Nightly export' }).count()).toBe(0);
    expect((await withToken(token)).status).toBe(401);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-api-tokens');
  });

  it('changes the check-in cadence to 14 days, and it persists after a reload', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const settings = new SettingsTokensPage(page);
    await settings.openTab(server.baseUrl, 'quarters', 'Quarters');
    await expect.poll(() => settings.cadenceInput().inputValue()).toBe('7');

    // The shared schema's message, before anything is sent.
    await settings.saveCadence(0);
    expect(await page.getByRole('alert').filter({ hasText: 'At least 1 day' }).count()).toBe(1);

    await settings.saveCadence(14);
    await page.locator('.toast').filter({ hasText: 'Check-ins are now due every 14 days' }).waitFor();
    expect(((await api.get('/api/settings/lifecycle')).body as { settings: unknown }).settings).toEqual({
      checkInCadenceDays: 14,
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-quarters');

    await page.reload();
    await page.getByRole('heading', { name: 'Quarters', level: 2 }).waitFor();
    await expect.poll(() => settings.cadenceInput().inputValue()).toBe('14');
  });

  it('gives an editor the API tokens and Share links tabs only', async () => {
    const page = await signedIn(EDITOR.email, EDITOR.password);
    const settings = new SettingsTokensPage(page);
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    expect(page.url()).toMatch(/\/settings\/api-tokens$/);
    expect(await settings.tabs().allInnerTexts()).toEqual(['API tokens', 'Share links']);
    expect(await page.getByRole('link', { name: 'Members' }).count()).toBe(0);
    // An admin-only tab typed in by hand lands back on what an editor may use.
    await page.goto(`${server.baseUrl}/settings/members`);
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Members' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await settings.openTab(server.baseUrl, 'share-links', 'Share links');
    await page.getByRole('button', { name: 'Create link' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-share-links-editor');
  });
});
