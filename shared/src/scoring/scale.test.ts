// 100,000 items against 1,000 KRs must complete (the brief's size, with room).
// No timing assertion: CI machines vary; tests/bench is the place for budgets.
import { describe, expect, it } from 'vitest';
import { scoreBacklog } from './score-backlog';
import { generateWorkspace } from './test-factories';

describe('scoreBacklog at scale', () => {
  it('scores 100,000 items with 1,000 KRs', { timeout: 60_000 }, () => {
    const workspace = generateWorkspace({ items: 100_000, keyResults: 1_000 });
    const result = scoreBacklog(workspace);
    expect(result.items).toHaveLength(100_000);
    expect(result.headline?.misalignedEffortShare).toBeGreaterThan(0);
    expect(result.lowValueThresholds?.population).toBeGreaterThan(1_000);
    expect(result.items.every((item) => item.valueScore === null || Number.isFinite(item.valueScore))).toBe(true);
    // Ranked: no scored item follows a lower or unscored one.
    const outOfOrder = result.items.findIndex((item, i) => {
      const previous = result.items[i - 1];
      if (!previous || item.valueScore === null) return false;
      return previous.valueScore === null || previous.valueScore < item.valueScore;
    });
    expect(outOfOrder).toBe(-1);
  });
});
