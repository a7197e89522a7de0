import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, useE2e } from './fixture';
import { SettingsTokensPage } from './pages/settings-tokens.page';
import { toast } from './pages/toasts';

const EDITOR = { email: 'eli@e2e.local', name: 'Eli Editor', password: 'e2e editor password 2026' };

describe('settings: API tokens, share links and quarters in the browser', () => {
  const e2e = useE2e();
  let api: ApiClient;

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await e2e.signIn({ email, password });
    return page;
  }

  /** What a script sees: the token as Bearer, no cookie. */
  const withToken = (token: string) =>
    fetch(`${e2e.baseUrl}/api/backlog-items`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    api = e2e.admin;
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

  it('creates a write token shown once, which works as Bearer until it is revoked', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const settings = new SettingsTokensPage(page);
    await settings.openTab(e2e.baseUrl, 'api-tokens', 'API tokens');
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
      'Outcomes',
    ]);
    await page.getByText('No API tokens yet.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const token = await settings.createToken('Nightly export', 'Read and write');
    expect(token).toMatch(/^kl_/);
    const panel = settings.createdPanel();
    expect(await panel.innerText()).toContain("you won't see it again");
    expect(await panel.locator('pre').innerText()).toBe(
      `curl -H "Authorization: Bearer ${token}" ${e2e.baseUrl}/api/backlog-items`,
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
    await toast(page, 'Revoked “Nightly export”').waitFor();
    await expect.poll(() => row.innerText()).toContain('Revoked');
    expect(await row.getByRole('button', { name: 'Revoke Nightly export' }).count()).toBe(0);
    expect((await withToken(token)).status).toBe(401);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-api-tokens');
  });

  it('changes the check-in cadence to 14 days, and it persists after a reload', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const settings = new SettingsTokensPage(page);
    await settings.openTab(e2e.baseUrl, 'quarters', 'Quarters');
    await expect.poll(() => settings.cadenceInput().inputValue()).toBe('7');

    // The shared schema's message, before anything is sent.
    await settings.saveCadence(0);
    expect(await page.getByRole('alert').filter({ hasText: 'At least 1 day' }).count()).toBe(1);

    await settings.saveCadence(14);
    await toast(page, 'Check-ins are now due every 14 days').waitFor();
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
    await page.goto(`${e2e.baseUrl}/settings`);
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    expect(page.url()).toMatch(/\/settings\/api-tokens$/);
    expect(await settings.tabs().allInnerTexts()).toEqual(['API tokens', 'Share links']);
    expect(await page.getByRole('link', { name: 'Members' }).count()).toBe(0);
    // An admin-only tab typed in by hand lands back on what an editor may use.
    await page.goto(`${e2e.baseUrl}/settings/members`);
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Members' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await settings.openTab(e2e.baseUrl, 'share-links', 'Share links');
    await page.getByRole('button', { name: 'Create link' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-share-links-editor');
  });
});
