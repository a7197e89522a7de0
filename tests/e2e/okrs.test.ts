import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, motionless, useE2e } from './fixture';
import { OkrsPage } from './pages/okrs.page';
import { dayFromToday as day } from '../support/days';
import { buildUsers } from '../support/factories';

const EDITOR = { email: 'priya@e2e.local', password: 'priya editor password 2026', name: 'Priya Patel' };
const VIEWER = { email: 'mei@e2e.local', password: 'mei viewer password 2026', name: 'Mei Chen' };

describe('the OKRs of a quarter', () => {
  const e2e = useE2e();
  let admin: ApiClient;
  let cycleId = '';

  beforeAll(async () => {
    admin = e2e.admin;
    await buildUsers(admin, [
      { ...EDITOR, role: 'editor' },
      { ...VIEWER, role: 'viewer' },
    ]);
    expect((await admin.post('/api/teams', { name: 'Support' })).status).toBe(201);
  });

  it('an editor creates a quarter, a company objective, a team objective beneath it and a key result, with the schema messages', async () => {
    const page = await e2e.signIn(EDITOR, motionless());
    const okrs = new OkrsPage(page);
    await okrs.open(e2e.baseUrl);
    await page.getByText('No quarters yet. Create the first quarter').waitFor();

    await okrs.createCycle({ name: 'E2E-Q1', startsOn: day(-30), endsOn: day(60), status: 'Active' });
    await page.getByRole('heading', { level: 1, name: 'OKRs · E2E-Q1' }).waitFor();
    cycleId = new URL(page.url()).searchParams.get('cycle') ?? '';
    expect(cycleId).not.toBe('');
    await page.getByText('No objectives in E2E-Q1 yet — add the first').waitFor();

    // An empty title is refused with the shared schema's message, under the field, before any request.
    await okrs.openNewObjective();
    await okrs.submitDialog();
    await expect.poll(() => okrs.fieldError('Title').textContent()).toBe('Required');
    await okrs.fillObjective({ title: 'Cut support load', weight: '2' });
    await okrs.submitDialog();
    await okrs.dialog().waitFor({ state: 'detached' });
    await okrs.objective('Cut support load').waitFor();

    await okrs.openNewObjective('Cut support load');
    await okrs.fillObjective({ title: 'A help center that answers', team: 'Support' });
    await okrs.submitDialog();
    await okrs.dialog().waitFor({ state: 'detached' });
    // Nested beneath its company objective, not beside it.
    const teamList = okrs
      .objective('Cut support load')
      .getByRole('list', { name: 'Team objectives under Cut support load' });
    await teamList.getByRole('heading', { name: /A help center that answers$/ }).waitFor();
    expect(await teamList.getByText('Support', { exact: true }).isVisible()).toBe(true);

    await okrs.openNewKeyResult('Cut support load');
    await okrs.fillKeyResult({ title: 'Tickets per week', start: '40', target: '40', unit: 'tickets' });
    await okrs.submitDialog();
    await expect.poll(() => okrs.fieldError('Target').textContent()).toBe('Target must differ from the start value');
    await okrs.fillKeyResult({ target: '25' });
    await okrs.submitDialog();
    await okrs.dialog().waitFor({ state: 'detached' });

    const kr = okrs.keyResult('Tickets per week');
    await kr.waitFor();
    expect(await kr.textContent()).toContain('40 → 40 → 25 tickets');
    expect(await kr.getByText('No check-in').isVisible()).toBe(true);
    expect(await kr.getByRole('link', { name: /0 open items/ }).getAttribute('href')).toMatch(
      /^\/backlog\?keyResultId=[0-9a-f-]{36}$/,
    );
    expect(
      await okrs.objective('Cut support load').getByRole('progressbar').first().getAttribute('aria-valuetext'),
    ).toMatch(/^0%, pace expects \d+%$/);

    // The quarter lives in the URL: a reload opens the same one.
    await page.reload();
    await okrs.keyResult('Tickets per week').waitFor();
    expect(new URL(page.url()).searchParams.get('cycle')).toBe(cycleId);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'okrs');
    await page.setViewportSize({ width: 390, height: 800 });
    await okrs.keyResult('Tickets per week').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'okrs-390');
    await page.context().close();
  });

  it('an editor deletes an objective after confirming', async () => {
    const created = await admin.post('/api/objectives', { cycleId, title: 'Objective to drop' });
    expect(created.status).toBe(201);
    const page = await e2e.signIn(EDITOR, motionless());
    const okrs = new OkrsPage(page);
    await okrs.open(e2e.baseUrl, cycleId);
    const deleteButton = page.getByRole('button', { name: 'Delete objective Objective to drop' });
    // Esc cancels and puts focus back where it was, so keyboard users keep their place.
    await deleteButton.click();
    await okrs.dialog().getByRole('heading', { name: 'Delete objective “Objective to drop”?' }).waitFor();
    await page.keyboard.press('Escape');
    await okrs.dialog().waitFor({ state: 'detached' });
    expect(await deleteButton.evaluate((el) => el === document.activeElement)).toBe(true);

    await deleteButton.press('Enter');
    await okrs.dialog().getByRole('heading', { name: 'Delete objective “Objective to drop”?' }).waitFor();
    await okrs.dialog().getByRole('button', { name: 'Delete objective' }).click();
    await okrs.objective('Objective to drop').waitFor({ state: 'detached' });
    expect((await admin.get(`/api/objectives/${created.body.id}`)).status).toBe(404);
    await page.context().close();
  });

  it('a viewer sees the tree with no edit controls, and a viewer message for an unpublished quarter', async () => {
    const planning = await admin.post('/api/cycles', { name: 'E2E-Q2', startsOn: day(61), endsOn: day(150) });
    expect(planning.status).toBe(201);
    const page = await e2e.signIn(VIEWER, motionless(390));
    const okrs = new OkrsPage(page);
    await okrs.open(e2e.baseUrl);
    // The active quarter is the default.
    await page.getByRole('heading', { level: 1, name: 'OKRs · E2E-Q1' }).waitFor();
    await okrs.keyResult('Tickets per week').waitFor();
    expect(await okrs.editControls().count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'okrs-viewer-390');

    await okrs.selectCycle('E2E-Q2 (planning)');
    await page.getByText("E2E-Q2 objectives aren't published yet").waitFor();
    expect(new URL(page.url()).searchParams.get('cycle')).toBe(planning.body.id);
    expect(await okrs.editControls().count()).toBe(0);
    await page.context().close();
  });

  it('two editors change the same key result: the second sees whose edit won, keeps theirs, or re-applies only their own change', async () => {
    const pageA = await e2e.signIn(ADMIN, motionless());
    const pageB = await e2e.signIn(EDITOR, motionless());
    const a = new OkrsPage(pageA);
    const b = new OkrsPage(pageB);
    await Promise.all([a.open(e2e.baseUrl, cycleId), b.open(e2e.baseUrl, cycleId)]);

    // Both open the same version; A saves first.
    await a.openEditKeyResult('Tickets per week');
    await b.openEditKeyResult('Tickets per week');
    await a.fillKeyResult({ target: '20' });
    await a.submitDialog();
    await a.dialog().waitFor({ state: 'detached' });
    await a.keyResult('Tickets per week').getByText('40 → 40 → 20 tickets').waitFor();

    await b.fillKeyResult({ target: '30' });
    await b.submitDialog();
    await b.conflictNotice().waitFor();
    expect(await b.conflictNotice().textContent()).toContain('Theirs: target 20 tickets · yours: target 30 tickets.');
    await b.dialog().getByRole('button', { name: 'Keep theirs' }).click();
    await b.dialog().waitFor({ state: 'detached' });
    await b.keyResult('Tickets per week').getByText('40 → 40 → 20 tickets').waitFor();

    // Again, but B re-applies: only the target B changed goes over A's newer weight.
    await b.openEditKeyResult('Tickets per week');
    await a.openEditKeyResult('Tickets per week');
    await a.fillKeyResult({ weight: '3' });
    await a.submitDialog();
    await a.dialog().waitFor({ state: 'detached' });
    await b.fillKeyResult({ target: '30' });
    await b.submitDialog();
    await b.conflictNotice().waitFor();
    await b.dialog().getByRole('button', { name: 'Use mine' }).click();
    await b.dialog().waitFor({ state: 'detached' });
    await b.keyResult('Tickets per week').getByText('40 → 40 → 30 tickets').waitFor();
    const krs = await admin.get(`/api/key-results?cycleId=${cycleId}`);
    expect(krs.body.map((k: any) => [k.title, k.targetValue, k.weight])).toEqual([['Tickets per week', 30, 3]]);

    await pageA.context().close();
    await pageB.context().close();
  });
  it('filters the tree by team, owner and status, keeps the filters in the URL across a reload, and clears them', async () => {
    const users = await admin.get('/api/users');
    const priyaId = users.body.find((u: any) => u.email === EDITOR.email).id;
    const growth = await admin.post('/api/teams', { name: 'Growth' });
    expect(growth.status).toBe(201);
    const quarter = await admin.post('/api/cycles', { name: 'E2E-Q4', startsOn: day(200), endsOn: day(290) });
    expect(quarter.status).toBe(201);
    const q = quarter.body.id;
    const objective = async (fields: object) =>
      (await admin.post('/api/objectives', { cycleId: q, ...fields })).body.id as string;
    const keyResult = async (objectiveId: string, title: string, ownerId: string | null, confidence: number | null) => {
      const kr = await admin.post('/api/key-results', {
        objectiveId,
        title,
        metricType: 'number',
        startValue: 0,
        targetValue: 100,
        unit: 'pts',
        ownerId,
      });
      expect(kr.status).toBe(201);
      if (confidence !== null)
        expect((await admin.post(`/api/key-results/${kr.body.id}/check-ins`, { value: 10, confidence })).status).toBe(
          201,
        );
    };
    const revenue = await objective({ title: 'Grow self-serve revenue' });
    const onboarding = await objective({
      title: 'Growth: faster onboarding',
      parentId: revenue,
      teamId: growth.body.id,
    });
    const churn = await objective({ title: 'Cut churn' });
    await keyResult(revenue, 'Trial to paid conversion', priyaId, 3);
    await keyResult(revenue, 'Annual recurring revenue', null, 8);
    await keyResult(onboarding, 'Activation rate', null, 1);
    await keyResult(churn, 'Monthly churn', priyaId, null);

    const page = await e2e.signIn(ADMIN, motionless());
    const okrs = new OkrsPage(page);
    await okrs.open(e2e.baseUrl, q);
    await okrs.keyResult('Monthly churn').waitFor();
    expect(await okrs.objectiveTitles()).toEqual(['Grow self-serve revenue', 'Growth: faster onboarding', 'Cut churn']);
    expect(await okrs.page.getByRole('button', { name: 'Clear filters' }).count()).toBe(0);

    // Team: the Growth objective, under its company objective kept for context without its key results.
    await okrs.setFilter('Team', 'Growth');
    await okrs.keyResult('Monthly churn').waitFor({ state: 'detached' });
    expect(await okrs.objectiveTitles()).toEqual(['Grow self-serve revenue', 'Growth: faster onboarding']);
    expect(await okrs.keyResultTitles()).toEqual(['Activation rate']);
    expect(await okrs.objective('Grow self-serve revenue').getByText("Doesn't match the filters").isVisible()).toBe(
      true,
    );
    await expect.poll(() => okrs.summary().textContent()).toBe('Showing 2 of 3 objectives · 1 of 4 key results');

    // Status narrows further; both filters are in the URL and survive a reload.
    await okrs.setFilter('Status', 'Off track');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('off-track');
    expect(new URL(page.url()).searchParams.get('team')).toBe(growth.body.id);
    await page.reload();
    await okrs.keyResult('Activation rate').waitFor();
    expect(await okrs.filter('Team').inputValue()).toBe(growth.body.id);
    expect(await okrs.filter('Status').inputValue()).toBe('off-track');
    expect(await okrs.objectiveTitles()).toEqual(['Grow self-serve revenue', 'Growth: faster onboarding']);
    expect(await okrs.keyResultTitles()).toEqual(['Activation rate']);
    expect(new URL(page.url()).searchParams.get('cycle')).toBe(q);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'okrs-filtered');

    // Owner only: Priya's key results, across objectives; the others under a shown objective are counted as hidden.
    await okrs.page.getByRole('button', { name: 'Clear filters' }).click();
    await okrs.keyResult('Monthly churn').waitFor();
    await okrs.setFilter('Owner', EDITOR.name);
    await okrs.keyResult('Annual recurring revenue').waitFor({ state: 'detached' });
    expect(await okrs.keyResultTitles()).toEqual(['Trial to paid conversion', 'Monthly churn']);
    expect(
      await okrs.objective('Grow self-serve revenue').getByText('1 key result hidden by the filters.').isVisible(),
    ).toBe(true);

    // Nothing matches: say so and offer to clear; clearing restores the tree and the plain URL, focus on the first filter.
    await okrs.setFilter('Status', 'On track');
    await page.getByText('No objectives or key results match these filters.').waitFor();
    await expect.poll(() => okrs.summary().textContent()).toBe('Showing 0 of 3 objectives · 0 of 4 key results');
    await page.locator('.okr-empty').getByRole('button', { name: 'Clear filters' }).click();
    await okrs.keyResult('Annual recurring revenue').waitFor();
    expect(await okrs.keyResultTitles()).toHaveLength(4);
    await expect.poll(() => page.url()).toBe(`${e2e.baseUrl}/okrs?cycle=${q}`);
    expect(await okrs.filter('Team').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });
});
