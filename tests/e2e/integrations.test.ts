import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { adf, startFakeTrackers, type FakeTrackers } from '../support/fake-trackers';
import { ADMIN, useE2e } from './fixture';
import { BacklogPage } from './pages/backlog.page';
import { IntegrationsPage } from './pages/integrations.page';

describe('Settings → Integrations: an admin connects Jira in the browser', () => {
  const e2e = useE2e({ env: () => ({ KEYLINE_SECRET_KEY: randomBytes(32).toString('base64') }) });
  let fake: FakeTrackers;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeTrackers();
    const api = e2e.admin;
    expect((await api.post('/api/teams', { name: 'Platform' })).status).toBe(201);
    fake.jira.add(1, {
      summary: 'SSO for teams',
      description: adf('Okta first, then Azure AD.'),
      status: 'selected',
      components: ['Platform'],
      points: 5,
    });
    fake.jira.add(2, { summary: 'Bulk CSV import', status: 'progress', components: ['Payments'], points: 8 });
    fake.jira.add(3, { summary: 'Dark mode', type: 'Bug', status: 'done' });
    page = await e2e.signIn(ADMIN, { viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await fake?.stop();
  });

  it('adds a Jira connection, tests it, syncs it, and the issues appear in the backlog "from Jira"', async () => {
    const settings = new IntegrationsPage(page);
    await settings.open(e2e.baseUrl);
    await page.getByText('No connections yet.').waitFor();
    await screenshot(page, 'integrations-empty');

    await settings.addJira({
      name: 'Acme Jira',
      site: fake.jiraUrl,
      email: fake.jira.email,
      token: fake.jira.token,
      jql: 'project = ABC ORDER BY rank',
    });
    // The webhook secret is shown once, with the address to paste into Jira.
    await expect.poll(() => settings.webhookSecret().inputValue()).toMatch(/^[\w-]{40,}$/);
    expect(await page.getByLabel('Webhook address').inputValue()).toMatch(/\/api\/hooks\/jira\/[0-9a-f-]{36}$/);
    await screenshot(page, 'integrations-created');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Done' }).click();

    const card = settings.connection('Acme Jira');
    await card.getByText('● Active').waitFor();
    await card.getByRole('button', { name: 'Test connection' }).click();
    await card.getByText('Reached Jira as Sync Bot.').waitFor();
    await card.getByText('The query matches about 3 issues.').waitFor();
    await card.getByText('Story points: customfield_10016 (Story point estimate) found.').waitFor();

    await card.getByRole('button', { name: 'Sync now' }).click();
    await card
      .getByText(/Last run succeeded .*3 fetched · 3 created · 1 issue with a problem/)
      .waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Runs' }).click();
    await card.locator('summary', { hasText: '1 issue with a problem' }).click();
    await card.getByText(/ABC-2: No team named "Payments" in Keyline/).waitFor();
    await screenshot(page, 'integrations-synced');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The token never reaches the browser.
    expect(await page.content()).not.toContain(fake.jira.token);

    const backlog = new BacklogPage(page);
    await backlog.open(e2e.baseUrl);
    const row = backlog.row('SSO for teams');
    await row.getByRole('link', { name: 'from Jira ABC-1' }).waitFor();
    expect(await row.getByRole('link', { name: 'from Jira ABC-1' }).getAttribute('href')).toBe(
      `${fake.jiraUrl}/browse/ABC-1`,
    );
    expect(await backlog.titles()).toEqual(expect.arrayContaining(['SSO for teams', 'Bulk CSV import', 'Dark mode']));
    await screenshot(page, 'backlog-from-jira');

    await row.getByRole('link', { name: 'SSO for teams', exact: true }).click();
    const panel = page.getByRole('complementary');
    await panel.getByRole('link', { name: /from Jira ABC-1/ }).waitFor();
    await panel.getByText('Greyed-out fields come from Jira ABC-1').waitFor();
    expect(await panel.getByLabel('Title').isDisabled()).toBe(true);
    expect(await panel.getByLabel('Reach').isDisabled()).toBe(false);
    expect(await panel.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    await screenshot(page, 'backlog-item-from-jira');
  });
});
