import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { motionless, useE2e } from './fixture';
import { PlannerPage } from './pages/planner.page';
import { dayFromToday as day } from '../support/days';
import { buildUsers } from '../support/factories';

const EDITOR = { email: 'noor@e2e.local', password: 'noor editor password 2026', name: 'Noor Haddad' };

describe('the what-if planner', () => {
  const e2e = useE2e();
  let editor: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const admin = e2e.admin;
    await buildUsers(admin, [{ ...EDITOR, role: 'editor' }]);
    editor = new ApiClient(e2e.baseUrl);
    await editor.login(EDITOR.email, EDITOR.password);
    const cycle = (
      await editor.post('/api/cycles', { name: 'E2E-Q1', startsOn: day(-20), endsOn: day(70), status: 'active' })
    ).body;
    const objective = (await editor.post('/api/objectives', { cycleId: cycle.id, title: 'Grow self-serve revenue' }))
      .body;
    const sso = (
      await editor.post('/api/key-results', {
        objectiveId: objective.id,
        title: 'Enterprise trials',
        startValue: 0,
        targetValue: 20,
      })
    ).body;
    const activation = (
      await editor.post('/api/key-results', {
        objectiveId: objective.id,
        title: 'Activation rate',
        startValue: 30,
        targetValue: 45,
        unit: '%',
      })
    ).body;
    // Ranked by hand in creation order, so the least valuable item leads the backlog today.
    const items = [
      { title: 'Low-value chore', effort: 4, reach: 10, impact: 0.25, confidence: 0.5 },
      { title: 'SSO for teams', effort: 3, reach: 1000, impact: 3, confidence: 1, link: sso.id },
      { title: 'Bulk CSV import', effort: 2, reach: 800, impact: 2, confidence: 0.8, link: activation.id },
      { title: 'Dark mode', effort: 5, reach: 200, impact: 1, confidence: 0.5 },
    ];
    for (const { link, ...item } of items) {
      const created = (await editor.post('/api/backlog-items', { ...item, status: 'ready' })).body;
      ids[item.title] = created.id;
      if (link)
        expect((await editor.put(`/api/backlog-items/${created.id}/links/${link}`, { strength: 3 })).status).toBe(200);
    }
  });

  it('fills the capacity by value and by rank side by side, redraws when capacity or the choice of items changes, and applies only on confirmation', async () => {
    const page = await e2e.signIn(EDITOR, motionless());
    const planner = new PlannerPage(page);
    await planner.open(e2e.baseUrl, '?capacity=5');

    // Value: the two aligned items fill 5 points and cover both KRs. Rank: the chore takes 4, SSO (3) is cut.
    await expect.poll(() => planner.items('By value score')).toEqual(['SSO for teams', 'Bulk CSV import']);
    expect(await planner.capacityLine('By value score').textContent()).toBe('5 of 5 pts used · 0 left');
    expect(await planner.coverage('By value score').textContent()).toBe('2 of 2');
    expect(await planner.misaligned('By value score').textContent()).toBe('0%');
    expect(await planner.items('By current rank')).toEqual(['Low-value chore']);
    expect(await planner.cutLine('By current rank').textContent()).toContain(
      'Cut line: “SSO for teams” (3 pts) does not fit',
    );
    expect(await planner.coverage('By current rank').textContent()).toBe('0 of 2');
    expect(await planner.misaligned('By current rank').textContent()).toMatch(/^100%/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'planner');

    // More capacity: the rank plan now reaches the aligned items too, and the URL keeps the figure.
    await planner.capacity().fill('9');
    await expect
      .poll(() => planner.items('By current rank'))
      .toEqual(['Low-value chore', 'SSO for teams', 'Bulk CSV import']);
    expect(await planner.capacityLine('By current rank').textContent()).toBe('9 of 9 pts used · 0 left');
    expect(await planner.coverage('By current rank').textContent()).toBe('2 of 2');
    expect(new URL(page.url()).searchParams.get('capacity')).toBe('9');

    // A bad capacity says why and keeps the last good figures on screen.
    await planner.capacity().fill('-1');
    await page.getByText('At least 0').waitFor();
    expect(await planner.capacityLine('By current rank').textContent()).toBe('9 of 9 pts used · 0 left');
    await planner.capacity().fill('5');
    await expect.poll(() => planner.items('By value score')).toEqual(['SSO for teams', 'Bulk CSV import']);

    // Leaving SSO out takes it out of both plans; nothing has been written yet.
    await planner.column('By value score').getByRole('button', { name: 'Leave out SSO for teams' }).click();
    await expect.poll(() => planner.items('By value score')).not.toContain('SSO for teams');
    expect(await planner.items('By current rank')).not.toContain('SSO for teams');
    await page.getByRole('button', { name: 'Put back SSO for teams' }).click();
    await expect.poll(() => planner.items('By value score')).toEqual(['SSO for teams', 'Bulk CSV import']);
    const ranksBefore = (await editor.get('/api/backlog-items?sort=rank&limit=10')).body.items.map((i: any) => i.title);
    expect(ranksBefore).toEqual(['Low-value chore', 'SSO for teams', 'Bulk CSV import', 'Dark mode']);

    // Apply the value plan: asked first, then the backlog leads with it.
    await planner.column('By value score').getByRole('button', { name: 'Apply as rank order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply the plan by value score?' });
    expect(await dialog.textContent()).toContain('These 2 items move to the top of the backlog');
    await dialog.getByRole('button', { name: 'Apply as rank order' }).click();
    await page.getByText('Applied: 2 items now lead the backlog in this order').waitFor();
    const ranksAfter = (await editor.get('/api/backlog-items?sort=rank&limit=10')).body.items.map((i: any) => i.title);
    expect(ranksAfter).toEqual(['SSO for teams', 'Bulk CSV import', 'Low-value chore', 'Dark mode']);
    // The rank plan now matches the value plan.
    await expect.poll(() => planner.items('By current rank')).toEqual(['SSO for teams', 'Bulk CSV import']);

    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'planner-390');
    await page.context().close();
  });
});
