import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, useE2e } from './fixture';
import { FIXTURES } from '../fixtures/fixtures';
import { ImportPage } from './pages/import.page';

describe('importing a backlog through the browser', () => {
  const e2e = useE2e({
    env: (): Record<string, string> => (process.env.TMP_DIST ? { CLIENT_DIST: process.env.TMP_DIST } : {}),
  });
  let api: ApiClient;
  let page: Page;
  let screen: ImportPage;

  beforeAll(async () => {
    api = e2e.admin;
    page = await e2e.signIn(ADMIN, { viewport: { width: 1280, height: 900 } });
    screen = new ImportPage(page);
  });

  it('previews a Jira export, applies it, and the items are in the backlog', async () => {
    await screen.open(e2e.baseUrl);
    await screen.upload(join(FIXTURES, 'jira-cloud-all-fields.csv'));
    expect(await screen.format()).toBe('Jira export');
    expect(await screen.counts()).toEqual({ 'to create': 10, 'to update': 0, skipped: 0, 'with errors': 0 });
    expect(await page.getByText('1 note: imported with a change').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'import-preview');
    // A preview writes nothing.
    expect((await api.get('/api/backlog-items?limit=1')).body.total).toBe(0);

    await screen.applyButton().click();
    await screen.result().waitFor();
    expect(await screen.result().innerText()).toContain('Created 10, updated 0, skipped 0.');
    const imported = await api.get('/api/backlog-items?limit=50');
    expect(imported.body.total).toBe(10);
    expect(imported.body.items.find((i: any) => i.externalKey === 'KEY-101')).toMatchObject({
      title: 'SSO for teams',
      effort: 8,
      status: 'ready',
    });

    await page.getByRole('link', { name: 'Open the backlog' }).click();
    await page.getByRole('heading', { name: 'Backlog', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'SSO for teams', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Checkout crashes on Safari 17', exact: true }).isVisible()).toBe(true);
  });

  it('maps the columns of a spreadsheet by hand, shows errors by row and column, and remembers the mapping', async () => {
    await screen.open(e2e.baseUrl);
    await screen.upload(join(FIXTURES, 'generic-spreadsheet.csv'));
    expect(await screen.format()).toBe('Generic CSV');
    await page.getByRole('alert').filter({ hasText: 'Choose a column for Title' }).waitFor();
    expect(await screen.applyButton().isDisabled()).toBe(true);

    await screen.mapColumn('Feature', 'Title');
    // "Squad" was recognised as a team, and no such team exists yet: an error per row, naming row and column.
    await screen.errorRows().first().waitFor();
    expect(await screen.errorRows().first().innerText()).toMatch(/^2\s+Squad\s+No team named "Growth"/);
    expect(await screen.applyButton().isDisabled()).toBe(true);

    await screen.mapColumn('Squad', 'Ignore');
    await screen.mapColumn('Ref', 'Key (e.g. PROJ-12)');
    await expect.poll(() => screen.counts()).toEqual({ 'to create': 3, 'to update': 0, skipped: 0, 'with errors': 0 });
    await screen.applyButton().click();
    await screen.result().waitFor();
    expect(await screen.result().innerText()).toContain('Created 3, updated 0, skipped 0.');

    // The next upload of the same kind of file starts from the mapping that was applied.
    await screen.open(e2e.baseUrl);
    await screen.upload(join(FIXTURES, 'generic-spreadsheet.csv'));
    expect(await page.getByLabel('Field for column Feature', { exact: true }).inputValue()).toBe('title');
    expect(await screen.counts()).toEqual({ 'to create': 0, 'to update': 0, skipped: 3, 'with errors': 0 });
  });
});
