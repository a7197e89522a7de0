import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { motionless, useE2e } from './fixture';
import { DashboardPage } from './pages/dashboard.page';
import { dayFromToday as day } from '../support/days';
import { buildUsers } from '../support/factories';

const EDITOR = { email: 'li@e2e.local', password: 'li editor password 2026', name: 'Li Wei' };
const VIEWER = { email: 'sam@e2e.local', password: 'sam viewer password 2026', name: 'Sam Okafor' };

describe('the leadership dashboard', () => {
  const e2e = useE2e();
  let shareUrl = '';

  beforeAll(async () => {
    const admin = e2e.admin;
    await buildUsers(admin, [
      { ...EDITOR, role: 'editor' },
      { ...VIEWER, role: 'viewer' },
    ]);
    // Half way through the quarter: one KR behind with low confidence, one ahead, one never checked in.
    const cycle = (
      await admin.post('/api/cycles', { name: 'E2E-Q4', startsOn: day(-45), endsOn: day(45), status: 'active' })
    ).body;
    const revenue = (
      await admin.post('/api/objectives', { cycleId: cycle.id, title: 'Grow self-serve revenue', weight: 2 })
    ).body;
    const support = (await admin.post('/api/objectives', { cycleId: cycle.id, title: 'Cut support load' })).body;
    const trial = (
      await admin.post('/api/key-results', {
        objectiveId: revenue.id,
        title: 'Trial-to-paid conversion',
        startValue: 4,
        targetValue: 6,
        unit: '%',
      })
    ).body;
    const tickets = (
      await admin.post('/api/key-results', {
        objectiveId: support.id,
        title: 'Tickets per week',
        startValue: 40,
        targetValue: 20,
        unit: 'tickets',
      })
    ).body;
    expect(
      (await admin.post('/api/key-results', { objectiveId: support.id, title: 'NPS', startValue: 30, targetValue: 50 }))
        .status,
    ).toBe(201);
    expect(
      (
        await admin.post(`/api/key-results/${trial.id}/check-ins`, {
          value: 4.2,
          confidence: 3,
          note: 'Pricing test slipped',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post(`/api/key-results/${tickets.id}/check-ins`, {
          value: 28,
          confidence: 8,
          note: 'Macros are working',
        })
      ).status,
    ).toBe(201);
    const pricing = (await admin.post('/api/backlog-items', { title: 'Pricing page test', effort: 5 })).body;
    expect((await admin.put(`/api/backlog-items/${pricing.id}/links/${trial.id}`, { strength: 3 })).status).toBe(200);
    expect((await admin.post('/api/backlog-items', { title: 'Dark mode', effort: 3 })).status).toBe(201);
  });

  it('shows the quarter at risk first, with trends, effort against weight and the gaps; prints cleanly; fits a phone', async () => {
    const page = await e2e.signIn(EDITOR, motionless());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const dash = new DashboardPage(page);
    await dash.heading().waitFor();
    expect(await dash.heading().textContent()).toMatch(/^E2E-Q4, data as of \d{1,2} [A-Z][a-z]{2} \d\d:\d\d UTC$/);
    expect(await dash.riskSummary().textContent()).toContain(
      'At risk first: 1 off, 0 at risk, 1 on track, 1 with no check-in',
    );
    expect(await dash.atRisk().first().textContent()).toMatch(
      /Off track 3\/10.*Trial-to-paid conversion.*low confidence \(3\/10\)/,
    );

    expect(await dash.objective('Grow self-serve revenue').textContent()).toContain('“Pricing test slipped”');
    // NPS was never checked in: it reads "No check-in", never 0%.
    const nps = dash.objective('Cut support load').getByRole('listitem').filter({ hasText: 'NPS' });
    expect(await nps.textContent()).toContain('No check-in');
    expect(await nps.textContent()).not.toContain('0%');

    await expect.poll(() => dash.charts().count()).toBe(3);
    const npsChart = page.getByTestId('kr-trend').filter({ hasText: 'NPS' });
    expect(await npsChart.getAttribute('aria-label')).toMatch(/^NPS: No check-in yet; pace expects \d+%\.$/);
    // 3 of 8 open points serve no KR of the quarter.
    expect(await page.getByTestId('misaligned-sentence').textContent()).toMatch(/^Misaligned effort is 38% now/);
    expect(
      await page
        .getByRole('table', { name: /Effort share and weight share/ })
        .getByRole('row', { name: /No key result/ })
        .textContent(),
    ).toContain('38%');
    expect(await page.getByTestId('no-work-list').textContent()).toContain('NPS');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');

    // Printed: no navigation or buttons, the stamp on every page comes from an @page rule.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.locator('style[data-print-stamp]').textContent()).toMatch(
      /@bottom-left \{ content: "Keyline · E2E-Q4 · Whole company · data as of .+ UTC"/,
    );
    await page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(page, 'dashboard-print');
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 390, height: 800 });
    await dash.heading().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-390');
    await page.context().close();
  });

  it('a viewer reads it with Print but no Share', async () => {
    const page = await e2e.signIn(VIEWER, motionless());
    const dash = new DashboardPage(page);
    await dash.open(e2e.baseUrl);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Share' }).count()).toBe(0);
    await page.context().close();
  });

  it('through a share link a fresh browser with no session sees only the dashboard; once revoked, a clear message', async () => {
    const page = await e2e.signIn(EDITOR, motionless());
    const dash = new DashboardPage(page);
    await dash.open(e2e.baseUrl);
    shareUrl = await dash.createShareLink('Board review');
    expect(shareUrl).toMatch(new RegExp(`^${e2e.baseUrl}/shared/[A-Za-z0-9_-]{20,}$`));
    expect(
      await dash.shareDialog().getByTestId('share-link-row').filter({ hasText: 'Board review' }).textContent(),
    ).toContain('Active');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-share-dialog');

    const reader = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const shared = await reader.newPage();
    const apiCalls: string[] = [];
    shared.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname);
    });
    await shared.goto(shareUrl);
    const sharedDash = new DashboardPage(shared);
    await sharedDash.heading().waitFor();
    expect(await sharedDash.riskSummary().textContent()).toContain('At risk first: 1 off');
    await expect.poll(() => sharedDash.charts().count()).toBe(3);
    // Read-only and self-contained: no navigation, no links into the app, no sign-in asked, one API call.
    expect(await shared.getByRole('navigation').count()).toBe(0);
    expect(await shared.getByRole('link').count()).toBe(0);
    expect(await shared.getByRole('button', { name: 'Share' }).count()).toBe(0);
    expect(apiCalls.every((p) => p.startsWith('/api/shared/'))).toBe(true);
    expect(await seriousAxeViolations(shared)).toEqual([]);
    await screenshot(shared, 'shared-dashboard');

    await dash.revokeShareLink('Board review');
    await shared.reload();
    const message = shared.getByRole('alert');
    await message.waitFor();
    expect(await message.textContent()).toBe(
      'This link has expired or was revoked. Ask the person who shared it for a new one.',
    );
    expect(await seriousAxeViolations(shared)).toEqual([]);
    await screenshot(shared, 'shared-dashboard-revoked');
    await reader.close();
    await page.context().close();
  });
});
