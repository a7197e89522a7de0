// Builders for tests: sensible defaults, override what the test is about.
// Not exported from index.ts; used only by *.test.ts beside this file.
import { DEFAULT_OUTCOME_SETTINGS } from './settings';
import type { MeasureOutcomesInput, OutcomeCycle, OutcomeItem, OutcomeKeyResult } from './types';

export function buildOutcomeCycle(overrides: Partial<OutcomeCycle> = {}): OutcomeCycle {
  return { id: 'q1', startsOn: '2026-01-01', endsOn: '2026-03-31', ...overrides };
}

export function buildOutcomeKeyResult(overrides: Partial<OutcomeKeyResult> = {}): OutcomeKeyResult {
  return { id: 'kr', cycleId: 'q1', startValue: 0, targetValue: 100, checkIns: [], ...overrides };
}

export function buildOutcomeItem(overrides: Partial<OutcomeItem> = {}): OutcomeItem {
  return {
    id: 'item',
    teamId: null,
    status: 'done',
    doneAt: '2026-02-01T00:00:00.000Z',
    effort: 1,
    impact: 1,
    confidence: 1,
    links: [{ keyResultId: 'kr', strength: 2 }],
    ...overrides,
  };
}

/** Check-ins every 7 days from `from` (a date), one value each. */
export function weekly(from: string, values: readonly number[]): { at: string; value: number }[] {
  const start = Date.parse(`${from}T00:00:00.000Z`);
  return values.map((value, i) => ({ at: new Date(start + i * 7 * 86_400_000).toISOString(), value }));
}

const day = (d: string) => `${d}T00:00:00.000Z`;

/**
 * docs/OUTCOMES.md §8. Q1 2026, report as of 15 Apr 2026, default settings
 * (28-day window, noise 0.05). Growth: X, Y, V on "Trial-to-paid" (4 → 6 %);
 * Support: Z, U on "Tickets per week" (200 → 100, decreasing).
 */
export function buildOutcomeWorkedExample(): MeasureOutcomesInput {
  return {
    asOf: day('2026-04-15'),
    settings: DEFAULT_OUTCOME_SETTINGS,
    cycles: [buildOutcomeCycle()],
    keyResults: [
      buildOutcomeKeyResult({
        id: 'trial',
        startValue: 4,
        targetValue: 6,
        // 8, 15, 22 Jan … 26 Mar.
        checkIns: weekly('2026-01-08', [4, 4, 4, 4.4, 4.8, 4.8, 4.8, 4.8, 4.8, 4.8, 5.0, 5.6]),
      }),
      buildOutcomeKeyResult({
        id: 'tickets',
        startValue: 200,
        targetValue: 100,
        checkIns: weekly('2026-01-08', [190, 180, 170, 160, 150, 140, 130, 120, 110, 100, 90, 80]),
      }),
    ],
    items: [
      buildOutcomeItem({
        id: 'X',
        teamId: 'growth',
        doneAt: day('2026-01-22'),
        effort: 5,
        impact: 2,
        confidence: 0.8,
        links: [{ keyResultId: 'trial', strength: 3 }],
      }),
      buildOutcomeItem({
        id: 'Y',
        teamId: 'growth',
        doneAt: day('2026-01-29'),
        effort: 2,
        impact: 1,
        confidence: 0.5,
        links: [{ keyResultId: 'trial', strength: 1 }],
      }),
      buildOutcomeItem({
        id: 'V',
        teamId: 'growth',
        doneAt: day('2026-03-19'),
        effort: 3,
        impact: 3,
        confidence: 0.5,
        links: [{ keyResultId: 'trial', strength: 2 }],
      }),
      buildOutcomeItem({
        id: 'Z',
        teamId: 'support',
        doneAt: day('2026-02-08'),
        effort: 8,
        impact: 2,
        confidence: 1,
        links: [{ keyResultId: 'tickets', strength: 2 }],
      }),
      buildOutcomeItem({
        id: 'U',
        teamId: 'support',
        doneAt: day('2026-03-28'),
        effort: 3,
        impact: 1,
        confidence: 1,
        links: [{ keyResultId: 'tickets', strength: 2 }],
      }),
    ],
  };
}
