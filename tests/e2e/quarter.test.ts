import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { motionless, useE2e } from './fixture';
import { CloseWizardPage, GradesPage } from './pages/quarter.page';
import { dayFromToday as day } from '../support/days';
import { buildUsers } from '../support/factories';

const EDITOR = { email: 'ana@e2e.local', password: 'ana editor password 2026', name: 'Ana Ruiz' };

describe('a whole quarter: check-ins, grading, the guided close with carry-over', () => {
  const e2e = useE2e();
  let editor: ApiClient;

  beforeAll(async () => {
    const admin = e2e.admin;
    await buildUsers(admin, [{ ...EDITOR, role: 'editor' }]);
    editor = new ApiClient(e2e.baseUrl);
    await editor.login(EDITOR.email, EDITOR.password);
  });

  it('grades the quarter in the UI, closes it into a new quarter carrying the unfinished KR and its open link', async () => {
    // The quarter, set up over the API: one KR half way, one achieved; one open and one done item on the first.
    const cycle = (
      await editor.post('/api/cycles', { name: 'E2E-Q3', startsOn: day(-80), endsOn: day(10), status: 'active' })
    ).body;
    const objective = (await editor.post('/api/objectives', { cycleId: cycle.id, title: 'Cut support load' })).body;
    const tickets = (
      await editor.post('/api/key-results', {
        objectiveId: objective.id,
        title: 'Tickets per week',
        startValue: 40,
        targetValue: 20,
        unit: 'tickets',
      })
    ).body;
    const articles = (
      await editor.post('/api/key-results', {
        objectiveId: objective.id,
        title: 'Help articles',
        startValue: 0,
        targetValue: 10,
        unit: 'articles',
      })
    ).body;
    const openItem = (
      await editor.post('/api/backlog-items', { title: 'Macro for refunds', effort: 3, status: 'ready' })
    ).body;
    const doneItem = (await editor.post('/api/backlog-items', { title: 'Refund FAQ', effort: 1, status: 'done' })).body;
    for (const item of [openItem, doneItem])
      expect((await editor.put(`/api/backlog-items/${item.id}/links/${tickets.id}`, { strength: 2 })).status).toBe(200);
    for (const [kr, value, confidence] of [
      [tickets, 34, 6],
      [tickets, 30, 5],
      [articles, 10, 9],
    ] as const) {
      expect(
        (await editor.post(`/api/key-results/${kr.id}/check-ins`, { value, confidence, note: 'Weekly check-in' }))
          .status,
      ).toBe(201);
    }

    const page = await e2e.signIn(EDITOR, motionless());
    // From the OKR screen's header to grading.
    await page.goto(`${e2e.baseUrl}/okrs?cycle=${cycle.id}`);
    await page.getByRole('link', { name: 'Grades' }).click();
    const grades = new GradesPage(page);
    await grades.heading().waitFor();
    expect(await grades.row('Tickets per week').getByTestId('suggested-grade').textContent()).toBe(
      'Suggested 0.5 from progress',
    );
    expect(await grades.row('Tickets per week').getByLabel('Grade', { exact: true }).inputValue()).toBe('0.5');
    expect(await grades.objective('Cut support load').textContent()).toContain(
      'Rolls up once all 2 key results are graded (0 so far)',
    );

    await grades.row('Tickets per week').getByLabel('Grade', { exact: true }).fill('0.4');
    expect(await grades.row('Tickets per week').textContent()).toContain('0.4 · Progress');
    await grades.grade('Tickets per week', '0.4', 'The refund macro slipped to next quarter.');
    await grades.grade('Help articles', null);
    // Equal weights: (0.4 + 1.0) / 2 rolls up to 0.7, which is "Met".
    await grades.objective('Cut support load').getByText('Objective 0.7 · Met').waitFor();
    const graded = (await editor.get(`/api/key-results?cycleId=${cycle.id}`)).body;
    expect(graded.map((k: any) => [k.title, k.grade, k.gradeBand, k.gradeNote])).toEqual([
      ['Tickets per week', 0.4, 'yellow', 'The refund macro slipped to next quarter.'],
      ['Help articles', 1, 'green', ''],
    ]);
    // The quarter's outcome figures sit beside the grades, so the retro starts from them.
    const outcomes = page.getByTestId('quarter-outcomes');
    await outcomes.getByText('Moved their KR').waitFor();
    expect(await outcomes.getByRole('heading', { level: 2 }).textContent()).toBe('What the shipped work did in E2E-Q3');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'quarter-grades');

    // The guided close: create the next quarter (prefilled), carry the unfinished KR.
    await page.getByRole('link', { name: 'Close the quarter…' }).click();
    const wizard = new CloseWizardPage(page);
    await wizard.step(1).waitFor();
    expect(await page.getByRole('radio', { name: 'Create the next quarter' }).isChecked()).toBe(true);
    const nextName = await page.getByLabel('Name', { exact: true }).inputValue();
    expect(nextName).toMatch(/^\d{4}-Q[1-4]$/);
    expect(await page.getByLabel('Starts on').inputValue()).toBe(day(11));
    await wizard.next();

    await wizard.step(2).waitFor();
    expect(await wizard.carryOption('Tickets per week').isChecked()).toBe(true);
    expect(await page.getByRole('listitem').filter({ hasText: 'Tickets per week' }).textContent()).toContain(
      '50% done · 1 open backlog link moves with it',
    );
    // Achieved KRs stay behind: not offered.
    expect(await wizard.carryOption('Help articles').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.getByTestId('quarter-outcomes').getByText('Moved their KR').count()).toBe(1);
    await screenshot(page, 'quarter-close-carry');
    await wizard.next();

    await wizard.step(3).waitFor();
    expect(await wizard.summary().textContent()).toContain(
      `1 key result carries over to ${nextName}, with 1 open backlog link.`,
    );
    // The quarter still has 10 days to run: the summary says closing now ends it early.
    expect(await wizard.summary().textContent()).toMatch(/closing now ends it (9|10|11) days early/);
    await page.getByRole('button', { name: 'Close E2E-Q3' }).click();
    await wizard.result().waitFor();
    expect(await wizard.result().getByRole('status').textContent()).toBe(
      `✓ E2E-Q3 is closed. 1 key result and 1 backlog link moved to ${nextName}. ${nextName} is now the active quarter.`,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'quarter-close-done');

    // The next quarter's OKRs show the carried KR, starting from where it stood.
    await page.getByRole('link', { name: `Open ${nextName}'s OKRs` }).click();
    await page.getByRole('heading', { level: 1, name: `OKRs · ${nextName}` }).waitFor();
    const carriedRow = page
      .getByTestId('kr-row')
      .filter({ has: page.getByRole('link', { name: 'Tickets per week', exact: true }) });
    await carriedRow.waitFor();
    expect(await carriedRow.textContent()).toContain('30 → 30 → 20 tickets');
    expect(await carriedRow.getByRole('link', { name: /1 open item/ }).count()).toBe(1);
    await page.context().close();

    // Over the API: the open item's link moved to the copy, the done one stayed with the original.
    const original = (await editor.get(`/api/key-results/${tickets.id}`)).body;
    expect(original.carriedToId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await editor.get(`/api/backlog-items/${openItem.id}`)).body.links.map((l: any) => l.keyResultId)).toEqual([
      original.carriedToId,
    ]);
    expect((await editor.get(`/api/backlog-items/${doneItem.id}`)).body.links.map((l: any) => l.keyResultId)).toEqual([
      tickets.id,
    ]);
    expect((await editor.get(`/api/cycles/${cycle.id}`)).body.status).toBe('closed');
  });
});
