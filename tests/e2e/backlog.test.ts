import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildUsers } from '../support/factories';
import { ADMIN, useE2e } from './fixture';
import { BacklogPage } from './pages/backlog.page';

const VIEWER = { email: 'viewer@e2e.local', name: 'Vera Viewer', password: 'viewer password 2026' };

describe('backlog grooming in the browser', () => {
  const e2e = useE2e();
  let api: ApiClient;

  async function signedIn(
    email = ADMIN.email,
    password = ADMIN.password,
  ): Promise<{ page: Page; backlog: BacklogPage }> {
    const page = await e2e.signIn({ email: email, password: password });
    const backlog = new BacklogPage(page);
    await backlog.open(e2e.baseUrl);
    return { page, backlog };
  }

  const itemByTitle = async (title: string) => {
    const res = await api.get(`/api/backlog-items?q=${encodeURIComponent(title)}&limit=10`);
    return res.body.items.find((i: { title: string }) => i.title === title);
  };

  beforeAll(async () => {
    api = e2e.admin;
    const cycle = await buildCycle(api, { name: '2026-Q4', status: 'active' });
    const objective = await buildObjective(api, { cycleId: cycle.id, title: 'Faster onboarding' });
    await buildKeyResult(api, { objectiveId: objective.id, title: 'Activation rate 30% to 45%' });
    await buildKeyResult(api, { objectiveId: objective.id, title: 'Trial to paid 4% to 6%' });
    for (const title of ['Alpha export', 'Beta search', 'Gamma reports'])
      await buildBacklogItem(api, { title, effort: 3 });
    await buildUsers(api, [{ ...VIEWER, role: 'viewer' }]);
  });

  it('creates an item in one line and tags it to a KR with the keyboard picker', async () => {
    const { page, backlog } = await signedIn();
    expect(await backlog.countText()).toContain('3 items');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await backlog.createItem('Dark mode');
    expect(await backlog.titles()).toEqual(['Alpha export', 'Beta search', 'Gamma reports', 'Dark mode']);
    expect(await backlog.countText()).toContain('4 items');
    expect(await backlog.row('Dark mode').innerText()).toContain('No KR');

    await backlog.tagWithKeyboard('Dark mode', 'activation');
    await backlog.toast('Tagged "Dark mode" to Activation rate 30% to 45%').waitFor();
    expect(await backlog.chips('Dark mode')).toEqual(['Activation rate 30% to 45%, strength 2 of 3']);
    // Focus stays on the row, so the next key works without the mouse.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(
      await backlog.row('Dark mode').getAttribute('data-id'),
    );

    await page.reload();
    await backlog.ready();
    expect(await backlog.chips('Dark mode')).toEqual(['Activation rate 30% to 45%, strength 2 of 3']);
    await screenshot(page, 'backlog');
  });

  it('hides tagged items under "No KR link", and the filter survives a reload', async () => {
    const { page, backlog } = await signedIn();
    await backlog.noKrLink().check();
    await expect.poll(() => backlog.titles()).toEqual(['Alpha export', 'Beta search', 'Gamma reports']);
    expect(page.url()).toContain('unlinked=true');
    expect(await backlog.countText()).toContain('3 items match these filters');

    await page.reload();
    await backlog.ready();
    expect(await backlog.noKrLink().isChecked()).toBe(true);
    expect(await backlog.titles()).toEqual(['Alpha export', 'Beta search', 'Gamma reports']);

    // Tagging while filtered takes the row out of the list at once.
    await backlog.tagWithKeyboard('Beta search', 'trial', 3);
    await expect.poll(() => backlog.titles()).toEqual(['Alpha export', 'Gamma reports']);
    expect((await itemByTitle('Beta search')).links).toEqual([{ keyResultId: expect.any(String), strength: 3 }]);
  });

  it('edits effort inline, refuses a bad value with the reason, and the new value persists after a reload', async () => {
    const { page, backlog } = await signedIn();
    const input = await backlog.startEditing('Alpha export', 'Effort');
    await input.fill('0');
    await input.press('Enter');
    expect(await backlog.row('Alpha export').getByRole('alert').innerText()).toBe('Must be greater than 0');
    await input.press('Escape');
    expect(await backlog.estimateText('Alpha export', 'Effort')).toBe('3');

    await backlog.editEstimate('Alpha export', 'Effort', '8');
    expect(await backlog.estimateText('Alpha export', 'Effort')).toBe('8');
    await expect.poll(() => backlog.announcer().innerText()).toBe('Saved effort for "Alpha export"');

    await page.reload();
    await backlog.ready();
    expect(await backlog.estimateText('Alpha export', 'Effort')).toBe('8');
    expect((await itemByTitle('Alpha export')).effort).toBe(8);
  });

  it('re-ranks with Alt+↓ and the new order holds after a reload', async () => {
    const { page, backlog } = await signedIn();
    expect(await backlog.titles()).toEqual(['Alpha export', 'Beta search', 'Gamma reports', 'Dark mode']);
    await backlog.focusRow('Alpha export');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await backlog.titles()).toEqual(['Beta search', 'Alpha export', 'Gamma reports', 'Dark mode']);
    await expect.poll(() => backlog.announcer().innerText()).toContain('Moved "Alpha export" down to position 2');

    await page.reload();
    await backlog.ready();
    expect(await backlog.titles()).toEqual(['Beta search', 'Alpha export', 'Gamma reports', 'Dark mode']);

    // Sorted by anything else, re-ranking is off and the screen says why.
    await backlog.sortBy('Effort (pts)');
    await page.getByText('Re-ranking (drag or Alt+↑/↓) works on the whole backlog in rank order.').waitFor();
    expect(
      await backlog
        .table()
        .getByRole('columnheader', { name: /Effort/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
    expect(await backlog.table().getByRole('columnheader', { name: /Rank/ }).getAttribute('aria-sort')).toBe('none');
    expect(await page.getByRole('button', { name: /^Drag to re-rank/ }).count()).toBe(0);
  });

  it('selects a range with Shift+click and tags both rows at once', async () => {
    const { page, backlog } = await signedIn();
    await backlog.checkRow('Alpha export');
    await backlog.checkRow('Gamma reports', { shift: true });
    expect(await backlog.batchBar().innerText()).toContain('2 selected');

    await backlog.batchBar().getByRole('button', { name: 'Tag to KR' }).click();
    await backlog.pickerDialog().getByRole('heading', { name: 'Tag 2 items to a key result' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await backlog.completePicker('trial');
    await backlog.toast('Tagged 2 of 2 to Trial to paid 4% to 6%').waitFor();
    expect(await backlog.chips('Alpha export')).toEqual(['Trial to paid 4% to 6%, strength 2 of 3']);
    expect(await backlog.chips('Gamma reports')).toEqual(['Trial to paid 4% to 6%, strength 2 of 3']);
    expect(await backlog.batchBar().count()).toBe(0);
    expect((await itemByTitle('Gamma reports')).links).toHaveLength(1);
    await screenshot(page, 'backlog-bulk-tagged');
  });

  it('shows whose edit won on a 412 and applies "Use mine" on top of it', async () => {
    const first = await signedIn();
    const second = await signedIn();
    await first.backlog.editEstimate('Gamma reports', 'Effort', '5');
    await expect.poll(async () => (await itemByTitle('Gamma reports')).effort).toBe(5);

    // The second browser still shows effort 3 at the old version.
    expect(await second.backlog.estimateText('Gamma reports', 'Effort')).toBe('3');
    await second.backlog.editEstimate('Gamma reports', 'Effort', '13');
    const conflict = second.page
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this item "Gamma reports"' });
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Effort: theirs 5 · yours 13.');
    expect(await second.backlog.row('Gamma reports').innerText()).toContain('Not saved');
    expect(await second.backlog.estimateText('Gamma reports', 'Effort')).toBe('3');
    expect(await seriousAxeViolations(second.page)).toEqual([]);
    await screenshot(second.page, 'backlog-conflict');

    await conflict.getByRole('button', { name: 'Use mine' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect.poll(() => second.backlog.estimateText('Gamma reports', 'Effort')).toBe('13');
    // The cell shows the value as soon as it is chosen; the server has it once the save lands.
    await expect.poll(async () => (await itemByTitle('Gamma reports')).effort).toBe(13);
  });

  it('opens an item with Enter, edits its description in the panel and deletes it after confirming', async () => {
    const { page, backlog } = await signedIn();
    await backlog.focusRow('Dark mode');
    await page.keyboard.press('Enter');
    const panel = backlog.panel();
    await panel.getByRole('heading', { name: 'Dark mode' }).waitFor();
    expect(page.url()).toMatch(/\/backlog\/[0-9a-f-]{36}$/);
    expect(
      await panel.getByRole('combobox', { name: 'Strength of the link to Activation rate 30% to 45%' }).inputValue(),
    ).toBe('2');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'backlog-panel');

    await panel.getByLabel('Description').fill('Follows the system setting.');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await itemByTitle('Dark mode')).description).toBe('Follows the system setting.');

    await panel.getByRole('button', { name: 'Delete item…' }).click();
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => backlog.titles()).toEqual(['Beta search', 'Alpha export', 'Gamma reports']);
    expect(await itemByTitle('Dark mode')).toBeUndefined();
  });

  it('shows a viewer the backlog without any edit control', async () => {
    const { page, backlog } = await signedIn(VIEWER.email, VIEWER.password);
    expect(await backlog.titles()).toEqual(['Beta search', 'Alpha export', 'Gamma reports']);
    expect(await backlog.createInput().count()).toBe(0);
    expect(await backlog.table().getByRole('checkbox').count()).toBe(0);
    expect(
      await backlog
        .table()
        .getByRole('button', { name: /Edit$|^Tag |^Drag / })
        .count(),
    ).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await backlog.focusRow('Alpha export');
    await page.keyboard.press('t');
    expect(await backlog.pickerDialog().count()).toBe(0);
    await page.keyboard.press('Enter');
    await backlog.panel().getByRole('heading', { name: 'Alpha export' }).waitFor();
    // Viewers may comment (the leadership audience asks questions), so the discussion's composer is
    // there; the item itself offers nothing to edit.
    expect(await backlog.panel().getByRole('button').allInnerTexts()).toEqual(['✕ Close', 'Post comment']);
    expect(await backlog.panel().getByRole('textbox').count()).toBe(1);
    expect(await backlog.panel().getByRole('textbox', { name: 'Comment on this item' }).count()).toBe(1);
    await screenshot(page, 'backlog-viewer');
  });
});
