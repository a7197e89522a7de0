import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { buildBacklogItem } from '../support/factories';
import { ADMIN, useE2e } from './fixture';
import { SettingsPage } from './pages/settings.page';
import { toast } from './pages/toasts';

describe('admin settings in the browser', () => {
  const e2e = useE2e();
  let api: ApiClient;

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await e2e.signIn({ email, password });
    return page;
  }

  beforeAll(async () => {
    api = e2e.admin;
  });

  it('invites a member, shows the generated password once, and that password signs them in', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const settings = new SettingsPage(page);
    await settings.openMembers(e2e.baseUrl);
    expect(page.url()).toMatch(/\/settings\/members$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const password = await settings.invite('priya@e2e.local', 'Priya Patel', 'Editor');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await settings.generatedPanel().innerText()).toContain('shown only this once');
    expect(await settings.memberRow('Priya Patel').innerText()).toContain('priya@e2e.local');
    expect(
      await settings.memberRow('Priya Patel').getByRole('combobox', { name: 'Role of Priya Patel' }).inputValue(),
    ).toBe('editor');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-members');

    // Done hides it for good: the server never shows it again.
    await settings.generatedPanel().getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Password for Priya Patel').count()).toBe(0);

    const priya = await signedIn('priya@e2e.local', password);
    expect(await priya.getByText('Priya Patel').isVisible()).toBe(true);
    // An editor reaches Settings for their API tokens and share links, but not Members.
    await priya.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const sections = priya.getByRole('navigation', { name: 'Settings sections' });
    await sections.getByRole('link', { name: 'API tokens' }).waitFor();
    expect(await sections.getByRole('link', { name: 'Members' }).count()).toBe(0);

    // Changing her role and disabling her ends her session.
    await settings
      .memberRow('Priya Patel')
      .getByRole('combobox', { name: 'Role of Priya Patel' })
      .selectOption('viewer');
    await toast(page, 'Priya Patel is now viewer').waitFor();
    await page.getByRole('button', { name: 'Disable Priya Patel' }).click();
    await page
      .getByRole('group', { name: 'Confirm disabling Priya Patel' })
      .getByRole('button', { name: 'Disable' })
      .click();
    await expect.poll(() => settings.memberRow('Priya Patel').innerText()).toContain('Disabled');
    const users = (await api.get('/api/users')).body as { email: string; role: string; disabled: boolean }[];
    expect(users.find((u) => u.email === 'priya@e2e.local')).toMatchObject({ role: 'viewer', disabled: true });
    await priya.reload();
    await priya.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('creates, renames and deletes teams, and explains why a team with work cannot go', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const settings = new SettingsPage(page);
    await settings.openMembers(e2e.baseUrl);
    await settings.openTeams();
    await page.getByText('No teams yet.').waitFor();

    await settings.createTeam('Growth');
    await settings.createTeam('Platform');
    await settings.renameTeam('Growth', 'Growth squad');
    const teams = (await api.get('/api/teams')).body as { id: string; name: string }[];
    expect(teams.map((t) => t.name).sort()).toEqual(['Growth squad', 'Platform']);

    const platform = teams.find((t) => t.name === 'Platform') as { id: string };
    await buildBacklogItem(api, { title: 'Platform work', teamId: platform.id });
    await settings.deleteTeam('Platform');
    const refusal = settings.teamItem('Platform').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('This team still has objectives or backlog items; move them first');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-teams');

    await settings.deleteTeam('Growth squad');
    await settings.teamItem('Growth squad').waitFor({ state: 'detached' });
    expect(((await api.get('/api/teams')).body as { name: string }[]).map((t) => t.name)).toEqual(['Platform']);
  });
});
