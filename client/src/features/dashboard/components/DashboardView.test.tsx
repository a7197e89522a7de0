// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDashboard } from '../test/dashboard-fixture';
import { DashboardView } from './DashboardView';

afterEach(cleanup);

function renderView(linked: boolean) {
  return render(
    <MemoryRouter>
      <DashboardView
        dashboard={buildDashboard()}
        scope="Whole company"
        linked={linked}
        actions={<button type="button">Print</button>}
      />
    </MemoryRouter>,
  );
}

describe('DashboardView', () => {
  it('heads the page with the quarter and when its data is from, then the at-risk-first summary', () => {
    renderView(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('2026-Q4, data as of 27 Nov 09:00 UTC');
    expect(screen.getByTestId('risk-summary').textContent).toContain(
      'At risk first: 1 off, 0 at risk, 1 on track, 1 with no check-in',
    );
  });

  it('lists the KRs at risk first with their reasons, and leaves the on-track one out', () => {
    renderView(true);
    const items = within(screen.getByTestId('at-risk-list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(
        /Off track.*Trial to paid.*behind pace \(25% done, pace expects 60%\); low confidence \(3\/10\)/,
      ),
      expect.stringMatching(/No check-in.*NPS.*behind pace \(no check-in yet, pace expects 60%\)/),
    ]);
  });

  it('reads missing data as "No check-in", never 0%, and shows a grade with its band in words', () => {
    renderView(true);
    const happier = screen.getAllByTestId('dash-objective').find((o) => o.textContent?.includes('Happier customers'));
    expect(happier?.textContent).toContain('No check-in');
    expect(happier?.textContent).not.toMatch(/\b0%/);
    expect(
      within(happier as HTMLElement)
        .getByRole('progressbar')
        .getAttribute('aria-valuetext'),
    ).toBe('No data');
    expect(screen.getByText('No update written yet.')).toBeTruthy();
    expect(screen.getAllByText(/Grade 0\.7 · Met/).length).toBeGreaterThan(0);
    expect(screen.getByText(/“Pricing test slipped”/)).toBeTruthy();
  });

  it('shows the gaps: KRs with no work, check-ins due, and the misaligned share with its movement', () => {
    renderView(true);
    expect(within(screen.getByTestId('no-work-list')).getByText('NPS')).toBeTruthy();
    expect(within(screen.getByTestId('check-ins-due')).getByText('No check-in yet', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('misaligned-sentence').textContent).toMatch(
      /^Misaligned effort is 40% now, up 10 pp from 30% on/,
    );
    const table = screen.getByRole('table', { name: /Effort share and weight share/ });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['Objective', 'Happier customers', 'Grow revenue', 'No key result']);
  });

  it('links KR titles into the app for signed-in readers only', () => {
    renderView(true);
    expect(screen.getAllByRole('link', { name: 'Trial to paid' })[0]?.getAttribute('href')).toMatch(/^\/key-results\//);
    cleanup();
    renderView(false);
    expect(screen.queryAllByRole('link')).toEqual([]);
  });

  it('shows the share of shipped work that moved a KR, its change on the last quarter and the trend as a table', () => {
    renderView(true);
    const card = screen.getByTestId('outcome-headline');
    expect(card.textContent).toContain('33%');
    expect(card.textContent).toContain('+8 pp on 2026-Q3');
    expect(card.textContent).toContain('3 items: too few to judge');
    expect(screen.getByTestId('outcome-sentence').textContent).toBe(
      '1 of 3 shipped items moved a key result (33%), +8 pp on 2026-Q3. 3 items: too few to judge.',
    );
    const table = screen.getByRole('table', { name: /Share of shipped work that moved a key result/ });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['QuarterBarMoved a KRJudged items', '2026-Q325%12', '2026-Q4 (this quarter)33%3']);
    expect(screen.getByRole('link', { name: 'See the outcomes' }).getAttribute('href')).toBe(
      '/outcomes?cycle=30000000-0000-4000-8000-000000000001',
    );
  });
});
