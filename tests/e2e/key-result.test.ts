import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { motionless, useE2e } from './fixture';
import { KeyResultPage } from './pages/key-result.page';
import { OkrsPage } from './pages/okrs.page';
import { dayFromToday as day } from '../support/days';
import { buildUsers } from '../support/factories';

const EDITOR = { email: 'jonas@e2e.local', password: 'jonas editor password 2026', name: 'Jonas Berg' };
const VIEWER = { email: 'ana@e2e.local', password: 'ana viewer password 2026', name: 'Ana Lima' };

describe('a key result in detail', () => {
  const e2e = useE2e();
  let krId = '';

  beforeAll(async () => {
    const admin = e2e.admin;
    await buildUsers(admin, [
      { ...EDITOR, role: 'editor' },
      { ...VIEWER, role: 'viewer' },
    ]);
    // A quarter a third of the way through, so pace expects about a third.
    const cycle = await admin.post('/api/cycles', {
      name: 'E2E-Q1',
      startsOn: day(-30),
      endsOn: day(59),
      status: 'active',
    });
    const objective = await admin.post('/api/objectives', { cycleId: cycle.body.id, title: 'Cut support load' });
    const kr = await admin.post('/api/key-results', {
      objectiveId: objective.body.id,
      title: 'Tickets per week',
      startValue: 40,
      targetValue: 25,
      unit: 'tickets',
    });
    expect(kr.status).toBe(201);
    krId = kr.body.id;
    const item = await admin.post('/api/backlog-items', { title: 'Billing FAQ', effort: 3, status: 'ready' });
    expect((await admin.put(`/api/backlog-items/${item.body.id}/links/${krId}`, { strength: 3 })).status).toBe(200);
  });

  it('an editor posts check-ins; header, chart, table, history and audit trail follow without a reload', async () => {
    const page = await e2e.signIn(EDITOR, motionless());
    const kr = new KeyResultPage(page);
    await kr.open(e2e.baseUrl, krId);
    expect(await kr.title().textContent()).toBe('Tickets per week');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText('Cut support load').waitFor();
    expect(await kr.trajectory().textContent()).toContain('40 → 40 → 25 tickets');
    // The pace needs the quarter's dates, which may arrive after the KR itself.
    await expect.poll(() => kr.pace().textContent()).toMatch(/^0% done, pace expects 3[34]%$/);
    expect(await kr.header().getByText('No check-in').isVisible()).toBe(true);
    await kr
      .caption()
      .getByText(/^No check-ins yet/)
      .waitFor();
    expect(await kr.linkedItems().first().textContent()).toContain('Billing FAQ');
    expect(await kr.linkedItems().first().getByRole('link', { name: 'Billing FAQ' }).getAttribute('href')).toMatch(
      /^\/backlog\/[0-9a-f-]{36}$/,
    );
    expect(await kr.linkedItems().first().getByRole('img', { name: 'Strength 3 of 3' }).isVisible()).toBe(true);
    expect(await kr.linkedItems().first().getByText('Strong').isVisible()).toBe(true);
    await kr.chartDots().first().waitFor({ state: 'detached' });
    // The form starts from the current value.
    expect(await kr.checkInForm().getByLabel('Value').inputValue()).toBe('40');

    await kr.postCheckIn({ value: '35', confidence: '8', note: 'Macro for refunds shipped' }, 'keyboard');
    await kr.trajectory().getByText('40 → 35 → 25 tickets').waitFor();
    await expect.poll(() => kr.chartDots().count()).toBe(1);
    expect(await kr.header().getByText('On track').isVisible()).toBe(true);
    await expect.poll(() => kr.pace().textContent()).toMatch(/^33% done, pace expects/);
    await expect.poll(() => kr.historyItems().first().textContent()).toContain('40 tickets → 35 tickets (−5 tickets)');
    expect(await kr.historyItems().first().textContent()).toContain(EDITOR.name);
    expect(await kr.historyItems().first().textContent()).toContain('Macro for refunds shipped');
    await expect
      .poll(() => kr.auditEntries().first().textContent())
      .toContain(`${EDITOR.name} checked in 35 tickets (was 40 tickets), confidence 8/10: “Macro for refunds shipped”`);
    // The note was cleared for the next check-in; the value stays where it was posted.
    expect(await kr.checkInForm().getByLabel('What changed? Blockers?').inputValue()).toBe('');

    await kr.postCheckIn({ value: '31', confidence: '4' });
    await kr.trajectory().getByText('40 → 35 → 25 tickets').waitFor({ state: 'detached' });
    expect(await kr.trajectory().textContent()).toContain('40 → 31 → 25 tickets');
    await expect.poll(() => kr.chartDots().count()).toBe(2);
    expect(await kr.header().getByText('At risk').isVisible()).toBe(true);
    expect(await kr.caption().textContent()).toMatch(
      /^31 tickets of a target of 25 tickets \(from 40 tickets\) on .+, 60% done; pace expects 3[34]%\. 2 check-ins, latest confidence 4\/10 \(At risk\)\.$/,
    );
    expect(await kr.historyItems().count()).toBe(2);

    await kr.showTable();
    await expect.poll(() => kr.tableRows().count()).toBe(2);
    expect(await kr.tableRows().nth(1).textContent()).toContain('31 tickets');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await kr.showChart();
    await expect.poll(() => kr.chartDots().count()).toBe(2);

    // An invalid confidence is refused with the schema message, nothing posted.
    await kr.postCheckIn({ value: '30', confidence: '11' });
    await kr.checkInForm().getByText('At most 10').waitFor();
    expect(await kr.historyItems().count()).toBe(2);

    // Other screens' code and CSS arrive on hover or when idle: none of it may restyle this page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backlog' }).hover();
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.styleSheets].some((sheet) => /BacklogPage-[^/]*\.css$/.test(sheet.href ?? '')),
        ),
      )
      .toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'key-result');
    await page.context().close();
  });

  it('a viewer reads the same history with no check-in form or edit controls, also at phone width', async () => {
    const page = await e2e.signIn(VIEWER, motionless(390));
    const kr = new KeyResultPage(page);
    await kr.open(e2e.baseUrl, krId);
    await kr.trajectory().getByText('40 → 31 → 25 tickets').waitFor();
    await expect.poll(() => kr.chartDots().count()).toBe(2);
    expect(await kr.checkInForm().count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Delete|Post check-in)/ }).count()).toBe(0);
    expect(await kr.historyItems().count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'key-result-viewer-390');
    await page.context().close();
  });

  it('an editor names an owner from the member list; everyone, a viewer too, then sees who owns it', async () => {
    const page = await e2e.signIn(EDITOR, motionless());
    const okrs = new OkrsPage(page);
    await okrs.open(e2e.baseUrl);
    const dialog = await okrs.openEditKeyResult('Tickets per week');
    const owner = dialog.getByLabel('Owner', { exact: true });
    // Active members by name, the editor marked; nobody is the default.
    expect(await owner.locator('option').allInnerTexts()).toEqual([
      'No owner',
      'Administrator',
      `${VIEWER.name}`,
      `${EDITOR.name} (you)`,
    ]);
    expect(await owner.inputValue()).toBe('');
    await owner.selectOption({ label: VIEWER.name });
    await screenshot(page, 'key-result-owner-form');
    await okrs.submitDialog();
    await page.getByText('Saved “Tickets per week”').waitFor();
    await page.close();

    const viewerPage = await e2e.signIn(VIEWER, motionless());
    const kr = new KeyResultPage(viewerPage);
    await kr.open(e2e.baseUrl, krId);
    await kr.header().getByText('Owner: you').waitFor();
    await viewerPage.close();
    const editorPage = await e2e.signIn(EDITOR, motionless());
    const again = new KeyResultPage(editorPage);
    await again.open(e2e.baseUrl, krId);
    await again.header().getByText(`Owner: ${VIEWER.name}`).waitFor();
    await editorPage.close();
  });
});
