import { describe, expect, it } from 'vitest';
import { buildDashboard, ids } from '../test/dashboard-fixture';
import { buildTrendModels, shareDomain, shareTicks } from './trend-model';

const now = new Date('2026-11-27T09:00:00.000Z');

describe('KR trend small multiples', () => {
  it('draws every KR on the same axes: the whole quarter and at least 0–100% of target', () => {
    const { axes, charts } = buildTrendModels(buildDashboard(), now);
    expect(axes.xDomain).toEqual([Date.parse('2026-10-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')]);
    expect(axes.yDomain).toEqual([0, 1]);
    expect(axes.yTicks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axes.today).toBe(now.getTime());
    expect(charts.map((c) => c.keyResultId)).toEqual([ids.kr1, ids.kr3, ids.kr2]);
  });

  it('turns values into % of target, decreasing KRs included, starts at 0% and carries the last step to today', () => {
    const { charts } = buildTrendModels(buildDashboard(), now);
    const trial = charts.find((c) => c.keyResultId === ids.kr1);
    expect(trial?.points.map((p) => [p.kind, Math.round(p.progress * 100)])).toEqual([
      ['start', 0],
      ['check-in', 10],
      ['check-in', 25],
      ['carried', 25],
    ]);
    expect(trial?.points.at(-1)?.t).toBe(now.getTime());
    // Tickets go down from 40 to a target of 20: 28 is 60% of the way.
    const tickets = charts.find((c) => c.keyResultId === ids.kr2);
    expect(tickets?.points[1]?.progress).toBeCloseTo(0.6);
    expect(tickets?.pace).toEqual([
      { x: Date.parse('2026-10-01T00:00:00Z'), y: 0 },
      { x: Date.parse('2027-01-01T00:00:00Z'), y: 1 },
    ]);
  });

  it('never draws a KR without check-ins as 0%: no line, and its sentence says "No check-in"', () => {
    const { charts } = buildTrendModels(buildDashboard(), now);
    const nps = charts.find((c) => c.keyResultId === ids.kr3);
    expect(nps?.points).toEqual([]);
    expect(nps?.latest).toBeNull();
    expect(nps?.sentence).toBe('NPS: No check-in yet; pace expects 60%.');
    expect(charts[0]?.sentence).toMatch(
      /^Trial to paid: 25% of target on .+; pace expects 60%\. Off track, 2 check-ins\.$/,
    );
  });

  it('widens the shared scale in quarter steps for overshoot, but only so far, so one outlier cannot flatten the rest', () => {
    expect(shareDomain([0.2, 1.1])).toEqual([0, 1.25]);
    expect(shareDomain([-0.1, 0.4])).toEqual([-0.25, 1]);
    expect(shareDomain([4, -3])).toEqual([-0.5, 1.5]);
    expect(shareTicks([-0.5, 1.5])).toEqual([-0.5, 0, 0.5, 1, 1.5]);
  });
});
