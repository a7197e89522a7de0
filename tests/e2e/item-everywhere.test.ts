import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday as day } from '../support/days';
import { motionless, useE2e } from './fixture';
import { AlignmentPage } from './pages/alignment.page';
import { BacklogPage } from './pages/backlog.page';
import { KeyResultPage } from './pages/key-result.page';
import { OkrsPage } from './pages/okrs.page';
import { PlannerPage } from './pages/planner.page';

const KR = 'Tickets per week';
const OLD = 'Billing FAQ';
const NEW = 'Self-serve refunds guide';

/**
 * One backlog item shown on four screens: an edit made on the backlog must
 * show on each of them when the user goes there, without a reload, even
 * though each screen had already loaded (and cached) the item as it was.
 */
describe('an item edited on the backlog, seen from every screen that shows it', () => {
  const e2e = useE2e();

  beforeAll(async () => {
    const admin = e2e.admin;
    const cycle = await admin.post('/api/cycles', {
      name: 'E2E-Q1',
      startsOn: day(-30),
      endsOn: day(59),
      status: 'active',
    });
    const objective = await admin.post('/api/objectives', { cycleId: cycle.body.id, title: 'Cut support load' });
    const kr = await admin.post('/api/key-results', {
      objectiveId: objective.body.id,
      title: KR,
      startValue: 40,
      targetValue: 25,
      unit: 'tickets',
    });
    expect(kr.status).toBe(201);
    for (const title of [OLD, 'Status page']) {
      const item = await admin.post('/api/backlog-items', {
        title,
        status: 'ready',
        effort: 3,
        reach: 500,
        impact: 2,
        confidence: 0.8,
      });
      expect(item.status).toBe(201);
      expect((await admin.put(`/api/backlog-items/${item.body.id}/links/${kr.body.id}`, { strength: 3 })).status).toBe(
        200,
      );
    }
  });

  it('a rename and an untag show on the KR page, the planner and the alignment page without a reload', async () => {
    const page = await e2e.signIn(undefined, motionless());
    // Set on this document: a full page load would lose it.
    await page.evaluate(() => Object.assign(window, { keylineSameDocument: true }));
    const go = (name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    const okrs = new OkrsPage(page);
    const kr = new KeyResultPage(page);
    const planner = new PlannerPage(page);
    const alignment = new AlignmentPage(page);
    const backlog = new BacklogPage(page);
    const openKeyResult = async () => {
      await go('OKRs');
      await okrs.keyResult(KR).getByRole('link', { name: KR, exact: true }).click();
      await kr.title().filter({ hasText: KR }).waitFor();
    };
    const linkedTitles = () => kr.linkedItems().getByRole('link').allTextContents();
    const plan = () => planner.column('By value score').innerText();
    const openPanel = async (title: string) => {
      await go('Backlog');
      await backlog.ready();
      await backlog.row(title).getByRole('link', { name: title, exact: true }).click();
      await backlog.panel().getByRole('heading', { name: title }).waitFor();
    };

    // Every screen loads the item first, so a stale cache would show.
    await openKeyResult();
    await expect.poll(linkedTitles, { timeout: 10_000 }).toContain(OLD);
    await go('Planner');
    await planner.column('By value score').getByText(OLD).first().waitFor();
    await go('Alignment');
    await alignment.misalignedEffort().waitFor();
    expect(await alignment.row('UNALIGNED', OLD).count()).toBe(0);

    // Rename it in the backlog's item panel.
    await openPanel(OLD);
    await backlog.panel().getByLabel('Title').fill(NEW);
    await backlog.panel().getByRole('button', { name: 'Save changes' }).click();
    await backlog.row(NEW).waitFor();

    await openKeyResult();
    await expect.poll(linkedTitles, { timeout: 10_000 }).toEqual(expect.arrayContaining([NEW, 'Status page']));
    expect(await linkedTitles()).not.toContain(OLD);
    await go('Planner');
    await planner.column('By value score').getByText(NEW).first().waitFor();
    expect(await plan()).not.toContain(OLD);

    // Untag it from the KR in the panel: it leaves the KR page and shows as unaligned.
    await openPanel(NEW);
    await backlog
      .panel()
      .getByRole('button', { name: /^Remove the link to / })
      .click();
    await backlog
      .panel()
      .getByRole('button', { name: /^Remove the link to / })
      .waitFor({ state: 'detached' });

    await go('Alignment');
    await expect.poll(() => alignment.flagCount('UNALIGNED').textContent(), { timeout: 10_000 }).toBe('1');
    // The group opened on arrival only if it had items then; the cached figures said it had none.
    if ((await alignment.groupToggle('No key result').getAttribute('aria-expanded')) !== 'true')
      await alignment.groupToggle('No key result').click();
    await alignment.row('UNALIGNED', NEW).waitFor();
    await openKeyResult();
    await expect.poll(linkedTitles, { timeout: 10_000 }).toEqual(['Status page']);

    expect(
      await page.evaluate(() => (window as unknown as { keylineSameDocument?: boolean }).keylineSameDocument),
    ).toBe(true);
  });
});
