import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, useE2e } from './fixture';
import { KeyResultPage } from './pages/key-result.page';
import { OutcomesScreen } from './pages/outcomes.page';
import { dayFromToday } from '../support/days';

/** Noon UTC of a day relative to today: a check-in's `at` or an item's `doneAt`. */
const noon = (offsetDays: number) => `${dayFromToday(offsetDays)}T12:00:00.000Z`;

/** Signed in with motion allowed: the chart's reveal defect only showed with animation on. */
const WITH_MOTION: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, reducedMotion: 'no-preference' };

describe('outcomes on the key result page', () => {
  const e2e = useE2e();
  let admin: ApiClient;
  let krId = '';
  let milestoneId = '';

  beforeAll(async () => {
    admin = e2e.admin;
    const cycle = await admin.post('/api/cycles', {
      name: 'E2E-Q3',
      startsOn: dayFromToday(-70),
      endsOn: dayFromToday(20),
      status: 'active',
    });
    expect(cycle.status).toBe(201);
    const objective = await admin.post('/api/objectives', { cycleId: cycle.body.id, title: 'Grow self-serve revenue' });
    const kr = await admin.post('/api/key-results', {
      objectiveId: objective.body.id,
      title: 'Trial-to-paid conversion',
      metricType: 'percent',
      startValue: 4,
      targetValue: 6,
      unit: '%',
    });
    expect(kr.status).toBe(201);
    krId = kr.body.id;
    const milestone = await admin.post('/api/key-results', {
      objectiveId: objective.body.id,
      title: 'Annual plans launched',
      metricType: 'milestone',
      startValue: 0,
      targetValue: 1,
    });
    milestoneId = milestone.body.id;

    // Nine weekly check-ins, recorded today for the weeks they are for: flat, a step after the
    // pricing test shipped (day −40), then a slow rise.
    const history: [number, number][] = [
      [-63, 4.1],
      [-56, 4.1],
      [-49, 4.1],
      [-42, 4.1],
      [-35, 4.6],
      [-28, 4.6],
      [-21, 4.65],
      [-14, 4.65],
      [-7, 4.7],
    ];
    for (const [offset, value] of history) {
      const res = await admin.post(`/api/key-results/${krId}/check-ins`, {
        value,
        confidence: 6,
        note: offset === -35 ? 'Pricing test is live' : '',
        at: noon(offset),
      });
      expect(res.status).toBe(201);
    }
    // A second KR that never moves, owned by Priya, with Growth's checkout copy tweak shipped against it.
    const team = await admin.post('/api/teams', { name: 'Growth' });
    const priya = await admin.post('/api/users', {
      email: 'priya@e2e.local',
      password: 'priya editor password 2026',
      name: 'Priya Patel',
      role: 'editor',
    });
    const arr = await admin.post('/api/key-results', {
      objectiveId: objective.body.id,
      title: 'Self-serve ARR',
      metricType: 'currency',
      startValue: 1_200_000,
      targetValue: 2_000_000,
      unit: '$',
      ownerId: priya.body.id,
    });
    for (const offset of [-63, -56, -49, -42, -35, -28, -21, -14, -7]) {
      await admin.post(`/api/key-results/${arr.body.id}/check-ins`, {
        value: 1_250_000,
        confidence: 5,
        at: noon(offset),
      });
    }
    const tweak = await admin.post('/api/backlog-items', {
      title: 'Checkout copy tweak',
      effort: 3,
      impact: 1,
      confidence: 0.5,
      teamId: team.body.id,
      status: 'done',
      doneAt: noon(-45),
    });
    expect((await admin.put(`/api/backlog-items/${tweak.body.id}/links/${arr.body.id}`, { strength: 2 })).status).toBe(
      200,
    );

    for (const [title, doneOffset, effort] of [
      ['Pricing page test', -40, 5],
      ['Annual plan banner', -3, 2],
    ] as const) {
      const item = await admin.post('/api/backlog-items', {
        title,
        effort,
        impact: 2,
        confidence: 0.8,
        status: 'done',
        doneAt: noon(doneOffset),
      });
      expect(item.status).toBe(201);
      expect((await admin.put(`/api/backlog-items/${item.body.id}/links/${krId}`, { strength: 3 })).status).toBe(200);
    }
  });

  it('draws both lines through all nine check-ins, marks what shipped, and says what moved', async () => {
    const page = await e2e.signIn(ADMIN, WITH_MOTION);
    const kr = new KeyResultPage(page);
    await kr.open(e2e.baseUrl, krId);
    await expect.poll(() => kr.chartDots().count(), { timeout: 15_000 }).toBe(9);

    // The defect: the lines stopped at the fourth check-in while the dots went on. Every line
    // must reach the last check-in, and no reveal animation may cut its stroke short.
    const lastDotX = Number(await kr.chartDots().last().getAttribute('cx'));
    for (const stroke of ['#0072B2', '#D55E00'] as const) {
      const line = kr.chartLine(stroke);
      const drawn = await line.evaluate((path: SVGPathElement) => {
        const box = path.getBBox();
        return { right: box.x + box.width, dash: getComputedStyle(path).strokeDasharray };
      });
      expect(drawn.right).toBeGreaterThanOrEqual(lastDotX - 0.5);
      expect(drawn.dash).toBe(stroke === '#0072B2' ? 'none' : '5px, 3px');
    }

    // Two shipped items: a marker each, named on hover (an SVG title).
    await expect.poll(() => kr.shippedMarkers().count()).toBe(2);
    const titles = await kr.shippedMarkers().locator('title').allTextContents();
    expect(titles[0]).toMatch(/^Shipped .+: Pricing page test \(KR moved after it\)$/);
    expect(titles[1]).toMatch(/^Shipped .+: Annual plan banner \(no check-in since\)$/);
    expect(await kr.caption().textContent()).toMatch(/9 check-ins, .* 2 linked items shipped\.$/);

    // What moved: newest first; the pricing test moved the KR beyond its earlier pace.
    await expect.poll(() => kr.whatMovedItems().count()).toBe(2);
    const [banner, pricing] = [kr.whatMovedItems().nth(0), kr.whatMovedItems().nth(1)];
    expect(await banner.textContent()).toContain('Annual plan banner');
    expect(await banner.textContent()).toContain('Waiting for a check-in');
    expect(await banner.textContent()).toContain('4.7% when it shipped; no check-in since.');
    expect(await pricing.textContent()).toContain('Moved');
    expect(await pricing.textContent()).toMatch(
      /4\.24% → 4\.66% by .+: \+21% of the range, \+16% beyond its earlier pace\./,
    );

    // A check-in after the banner shipped: its marker fills and its row says what followed.
    await kr.postCheckIn({ value: '5.2', confidence: '7', note: 'Banner is converting' });
    await expect.poll(() => banner.textContent()).toContain('provisional');
    expect(await banner.textContent()).toMatch(/Moved/);
    expect(await banner.textContent()).toMatch(
      // The value when it shipped is now read between the check-ins around it (day −7 and today);
      // it depends on the hour the demo was seeded, and may round to a whole number ("5%").
      /\d+(\.\d+)?% → 5\.2% by .+: \+\d+% of the range, \+\d+% beyond its earlier pace \(window not over yet\)\./,
    );
    await expect
      .poll(async () => (await kr.shippedMarkers().locator('title').allTextContents())[1])
      .toMatch(/Annual plan banner \(KR moved after it \(provisional\)\)$/);

    // The table alternative names the shipped items too.
    await kr.showTable();
    const shipped = page.getByTestId('shipped-table');
    expect(await shipped.locator('tbody tr').count()).toBe(2);
    expect(await shipped.locator('tbody tr').nth(0).textContent()).toContain('Pricing page test');
    expect(await shipped.locator('tbody tr').nth(0).textContent()).toContain('Moved');
    await kr.showChart();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'key-result-outcomes');
    await page.context().close();
  });

  it('records a number late for an earlier day, and checks a milestone in as Done', async () => {
    const page = await e2e.signIn(ADMIN, WITH_MOTION);
    const kr = new KeyResultPage(page);
    await kr.open(e2e.baseUrl, milestoneId);
    const form = kr.checkInForm();
    expect(await form.getByLabel('Value').count()).toBe(0);
    expect(await form.getByLabel('Not done').isChecked()).toBe(true);
    await form.getByLabel('Done', { exact: true }).check();
    await form.getByLabel('For (optional)').fill(dayFromToday(-10));
    await form.getByRole('button', { name: /Post check-in/ }).click();
    await kr.trajectory().getByText('Done', { exact: true }).waitFor();
    await expect.poll(() => kr.historyItems().count()).toBe(1);
    expect(await kr.historyItems().first().textContent()).toMatch(/· entered /);
    const checkIns = await admin.get(`/api/key-results/${milestoneId}/check-ins`);
    expect(checkIns.body[0].value).toBe(1);
    expect(checkIns.body[0].at).toBe(noon(-10));
    await page.context().close();
  });

  it('the Outcomes screen: figures per team and quarter, calibration with its table, what moved nothing and whose it is', async () => {
    // The check-in after the banner shipped (the first test posts the same through the form).
    await admin.post(`/api/key-results/${krId}/check-ins`, { value: 5.2, confidence: 7 });
    const page = await e2e.signIn(ADMIN, WITH_MOTION);
    const screen = new OutcomesScreen(page);
    await screen.open(e2e.baseUrl);
    // Three shipped items: the pricing test and the banner moved the trial KR, the copy tweak moved nothing.
    await expect.poll(() => screen.hitRate().textContent(), { timeout: 15_000 }).toBe('67%');
    expect(await screen.card('Moved their KR').textContent()).toContain('2 of 3 shipped items judged');
    expect(await screen.card('Moved their KR').textContent()).toContain('3 items: too few to judge');
    expect(await page.getByText('Correlation, not proof of cause').first().isVisible()).toBe(true);

    // By default the list shows what moved nothing, with the KR owner who answers for it.
    await expect.poll(() => screen.itemRows().count()).toBe(1);
    const row = screen.itemRows().first();
    expect(await row.textContent()).toContain('Checkout copy tweak');
    expect(await row.textContent()).toContain('Growth');
    expect(await row.textContent()).toContain('Not moved');
    expect(await row.textContent()).toContain('Self-serve ARR (Priya Patel)');

    // All shipped, sorted by effort (biggest first), then filtered to one team; all kept in the URL.
    await screen.show('All shipped');
    await expect.poll(() => screen.itemRows().count()).toBe(3);
    await screen.sortBy('Effort (pts)');
    await expect.poll(() => screen.columnHeader('Effort (pts)').getAttribute('aria-sort')).toBe('descending');
    expect(await screen.itemRows().locator('th').allTextContents()).toEqual([
      'Pricing page test',
      'Checkout copy tweak',
      'Annual plan banner',
    ]);
    await screen.sortBy('Effort (pts)');
    await expect.poll(() => screen.columnHeader('Effort (pts)').getAttribute('aria-sort')).toBe('ascending');
    await screen.filterTeam('Growth');
    await expect.poll(() => screen.itemRows().count()).toBe(1);
    expect(page.url()).toMatch(/team=[0-9a-f-]{36}/);
    expect(page.url()).toContain('state=all');
    expect(page.url()).toContain('sort=effort');

    // The CSV export carries the same filters.
    const href = (await screen.exportLink().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/exports\/outcomes\.csv\?teamId=/);
    const csv = await page.request.get(e2e.baseUrl + href);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('Quarter,Team,Key,Item,Done,Outcome');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Checkout copy tweak');

    // The calibration chart and its table alternative: every prediction bucket with its counts.
    await screen.filterTeam('Every team');
    await expect.poll(() => screen.calibrationBars().count()).toBeGreaterThan(0);
    await screen.calibration().getByRole('button', { name: 'View as table' }).click();
    const buckets = screen.calibration().getByTestId('calibration-table').locator('tbody tr');
    expect(await buckets.count()).toBe(5);
    const cells = async (n: number) => buckets.nth(n).locator('th, td').allTextContents();
    // The copy tweak: the ARR KR stayed flat after it, below the pace it had before (1.2M → 1.25M in three weeks).
    expect(await cells(1)).toEqual(['0.5–1', '1', '0 (0%)', '−8%']);
    expect((await cells(3)).slice(0, 3)).toEqual(['1.5–2', '2', '2 (100%)']);
    expect(await cells(0)).toEqual(['0–0.5', '0', '—', '—']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screen.calibration().getByRole('button', { name: 'View as chart' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screen.show('Moved nothing');
    await screenshot(page, 'outcomes');
    // At phone width the tables scroll inside their panels; the page itself does not.
    await page.setViewportSize({ width: 390, height: 800 });
    await screen.show('All shipped');
    await expect.poll(() => screen.itemRows().count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('the dashboard headline: share of shipped work that moved a KR, and Settings → Outcomes changes what counts', async () => {
    const page = await e2e.signIn(ADMIN, WITH_MOTION);
    await page.goto(`${e2e.baseUrl}/dashboard`);
    const card = page.getByTestId('outcome-headline');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('67%');
    expect(await card.textContent()).toContain('3 items: too few to judge');
    const trend = page.getByRole('table', { name: /Share of shipped work that moved a key result/ });
    expect(await trend.locator('tbody tr').last().textContent()).toContain('E2E-Q3 (this quarter)67%3');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-outcomes');

    // An admin raises the noise threshold to the whole range: nothing counts as moved any more.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Outcomes' }).click();
    const windowBox = page.getByLabel('Window after an item is done (days)');
    await windowBox.fill('3');
    await page.getByRole('button', { name: 'Save outcome settings' }).click();
    await page.getByText('At least 7 days').waitFor();
    await windowBox.fill('28');
    await page.getByLabel('Noise threshold (% of the range)').fill('100');
    await page.getByRole('button', { name: 'Save outcome settings' }).click();
    await page.getByText('Now 28 days, 100% noise.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-outcomes');
    expect((await admin.get('/api/settings/outcomes')).body.settings).toEqual({ windowDays: 28, noiseThreshold: 1 });

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('outcome-headline').textContent(), { timeout: 15_000 }).toContain('0%');
    await page.context().close();
  });
});
