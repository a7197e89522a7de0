import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective } from '../support/factories';
import { ADMIN, useE2e } from './fixture';
import { AlignmentPage, ScoringSettingsPage } from './pages/alignment.page';
import { dayFromToday as day } from '../support/days';
import { toast } from './pages/toasts';

/**
 * A small quarter: one objective, two KRs that are behind pace (nothing
 * checked in halfway through), two tagged items, one untagged item whose
 * words match the first KR, and one tagged item with no effort estimate.
 * RICE and WSJF estimates are chosen so the two frameworks order A, B, C
 * differently.
 */
async function seedQuarter(admin: ApiClient) {
  const cycle = await buildCycle(admin, { name: 'E2E-Q', startsOn: day(-45), endsOn: day(45), status: 'active' });
  const objective = await buildObjective(admin, { cycleId: cycle.id, title: 'Grow self-serve revenue' });
  const trial = await buildKeyResult(admin, { objectiveId: objective.id, title: 'Trial-to-paid conversion' });
  const latency = await buildKeyResult(admin, { objectiveId: objective.id, title: 'Checkout latency p99' });
  const a = await buildBacklogItem(admin, {
    title: 'Reminder emails before expiry',
    ...{
      reach: 1000,
      impact: 2,
      confidence: 0.8,
      effort: 3,
      businessValue: 2,
      timeCriticality: 1,
      riskReduction: 1,
      jobSize: 8,
    },
  });
  const b = await buildBacklogItem(admin, {
    title: 'Onboarding checklist',
    ...{
      reach: 200,
      impact: 1,
      confidence: 0.5,
      effort: 5,
      businessValue: 20,
      timeCriticality: 10,
      riskReduction: 5,
      jobSize: 2,
    },
  });
  const c = await buildBacklogItem(admin, {
    title: 'Paid trial upgrade prompt',
    description: 'Nudge trial users towards the paid plan.',
    ...{
      reach: 500,
      impact: 1,
      confidence: 1,
      effort: 2,
      businessValue: 5,
      timeCriticality: 5,
      riskReduction: 5,
      jobSize: 3,
    },
  });
  const d = await buildBacklogItem(admin, {
    title: 'Pricing page experiment',
    reach: 100,
    impact: 1,
    confidence: 0.5,
    effort: null,
  });
  for (const item of [a, b, d]) {
    const res = await admin.put(`/api/backlog-items/${item.id}/links/${trial.id}`, { strength: 2 });
    expect(res.status).toBe(200);
  }
  return { trial, latency, a, b, c, d };
}

/** The ids of the given items, in the order the API ranks them by value. */
async function valueOrder(admin: ApiClient, ids: string[]): Promise<string[]> {
  const res = await admin.get('/api/backlog-items?sort=valueScore&order=desc&limit=50');
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id).filter((id) => ids.includes(id));
}

describe('the alignment view and the scoring settings', () => {
  const e2e = useE2e();
  let admin: ApiClient;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedQuarter>>;

  beforeAll(async () => {
    admin = e2e.admin;
    seeded = await seedQuarter(admin);
    page = await e2e.signIn(ADMIN);
  });

  it('flags the untagged item; tagging it from a suggestion clears the flag and the misaligned effort', async () => {
    const view = new AlignmentPage(page);
    await view.open(e2e.baseUrl);
    // 2 of the 10 open effort points (the untagged item's) serve no key result.
    expect(await view.misalignedEffort().textContent()).toBe('20%');
    expect(await view.krCoverage().textContent()).toBe('1 of 2');
    await view.row('UNALIGNED', 'Paid trial upgrade prompt').waitFor();
    expect(await view.flagCount('UNALIGNED').textContent()).toBe('1');
    expect(await view.noWorkList().textContent()).toContain('Checkout latency p99');
    // Wait for the lazily loaded chart and the suggestions before judging the page.
    await page.locator('.matrix-figure .recharts-surface').waitFor();
    await view
      .row('UNALIGNED', 'Paid trial upgrade prompt')
      .getByRole('button', { name: 'Tag to Trial-to-paid conversion' })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'alignment');

    const breakdown = await view.breakdownOnFocus('UNALIGNED', 'Paid trial upgrade prompt');
    expect(breakdown).toContain('RICE 250 = 500 reach × 1 impact × 1 confidence ÷ 2 effort');
    expect(breakdown).toContain('value = 250 × 0.5 for no key result = 125');

    await view.tagFromSuggestion('UNALIGNED', 'Paid trial upgrade prompt', 'Trial-to-paid conversion');
    await view.toast('Tagged “Paid trial upgrade prompt” to “Trial-to-paid conversion”').waitFor();
    await expect.poll(() => view.misalignedEffort().textContent()).toBe('0%');
    await expect.poll(() => view.flagCount('UNALIGNED').textContent()).toBe('0');
    await expect.poll(() => view.rows('UNALIGNED').count()).toBe(0);
    const item = await admin.get(`/api/backlog-items/${seeded.c.id}`);
    expect(item.body.links).toEqual([{ keyResultId: seeded.trial.id, strength: 2 }]);
    expect(item.body.flags.map((f: { code: string }) => f.code)).not.toContain('UNALIGNED');
  });

  it('adds a missing estimate inline, which makes the item scorable', async () => {
    const view = new AlignmentPage(page);
    await view.groupToggle('Not scorable').click();
    await view.row('NOT_SCORABLE', 'Pricing page experiment').waitFor();
    await view.fillEstimate('NOT_SCORABLE', 'Pricing page experiment', 'Effort (pts)', '0');
    expect(await view.row('NOT_SCORABLE', 'Pricing page experiment').locator('.error-text').textContent()).toBe(
      'Must be greater than 0',
    );

    await view.fillEstimate('NOT_SCORABLE', 'Pricing page experiment', 'Effort (pts)', '2');
    await view.toast('Saved estimates for “Pricing page experiment”').waitFor();
    await expect.poll(() => view.flagCount('NOT_SCORABLE').textContent()).toBe('0');
    const item = await admin.get(`/api/backlog-items/${seeded.d.id}`);
    expect(item.body).toMatchObject({ effort: 2, valueScore: expect.any(Number) });
  });

  it('re-ranks the backlog by value when the framework changes, and never overwrites a concurrent change', async () => {
    const { a, b, c } = seeded;
    const ids = [a.id, b.id, c.id];
    expect(await valueOrder(admin, ids)).toEqual([a.id, c.id, b.id]);

    const settings = new ScoringSettingsPage(page);
    await settings.open(e2e.baseUrl);
    await settings.chooseFramework('WSJF');
    // The preview ranks with the shared engine in the browser, before anything is saved.
    await expect
      .poll(async () => (await settings.newTopFive().locator('li').allTextContents()).map((t) => t.split(' (')[0]))
      .toEqual(['Onboarding checklist', 'Paid trial upgrade prompt', 'Reminder emails before expiry']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'scoring-settings');
    await settings.save();
    await toast(page, 'Scoring saved. The backlog is re-ranked by WSJF.').waitFor();
    expect(await valueOrder(admin, ids)).toEqual([b.id, c.id, a.id]);

    // Someone else switches to ICE meanwhile; our switch back to RICE must not silently win.
    const current = await admin.get('/api/settings/scoring');
    const theirs = await admin.request('PUT', '/api/settings/scoring', {
      body: { ...current.body.settings, framework: 'ice' },
      headers: { 'if-match': `"${current.body.version}"` },
    });
    expect(theirs.status).toBe(200);
    await settings.chooseFramework('RICE');
    await settings.save();
    await settings.conflict().waitFor();
    expect(await settings.conflict().textContent()).toContain('Theirs ranks by ICE.');
    expect((await admin.get('/api/settings/scoring')).body.settings.framework).toBe('ice');
    await settings.conflict().getByRole('button', { name: 'Use mine' }).click();
    await toast(page, 'Scoring saved. The backlog is re-ranked by RICE.').waitFor();
    expect((await admin.get('/api/settings/scoring')).body.settings.framework).toBe('rice');
    expect(await valueOrder(admin, ids)).toEqual([a.id, c.id, b.id]);
  });
});
