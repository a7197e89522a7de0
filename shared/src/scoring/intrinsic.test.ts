import { describe, expect, it } from 'vitest';
import { describeUnscorable, intrinsicScore } from './intrinsic';
import { buildItem, withSettings } from './test-factories';

const rice = withSettings({ framework: 'rice' });
const wsjf = withSettings({ framework: 'wsjf' });
const ice = withSettings({ framework: 'ice' });

describe('intrinsicScore', () => {
  it('RICE = reach × impact × confidence ÷ effort', () => {
    const result = intrinsicScore(buildItem({ reach: 1200, impact: 2, confidence: 0.8, effort: 3 }), rice);
    expect(result.value).toBeCloseTo(640, 10); // 1200 × 2 × 0.8 ÷ 3
    expect(result.formula).toBe('reach × impact × confidence ÷ effort');
    expect(result.inputs).toEqual({ reach: 1200, impact: 2, confidence: 0.8, effort: 3 });
    expect(result.missing).toEqual([]);
    expect(result.invalid).toEqual([]);
  });

  it('WSJF = (business value + time criticality + risk reduction) ÷ job size', () => {
    const item = buildItem({ businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 });
    expect(intrinsicScore(item, wsjf).value).toBe(4); // 16 ÷ 4
  });

  it('ICE = impact × confidence × ease, confidence kept as a 0–1 fraction', () => {
    expect(intrinsicScore(buildItem({ impact: 3, confidence: 0.5, ease: 8 }), ice).value).toBe(12);
    expect(intrinsicScore(buildItem({ impact: 3, confidence: 1, ease: 10 }), ice).value).toBe(30); // the maximum
  });

  it('custom = weighted sum of the chosen fields, with one term per criterion', () => {
    const settings = withSettings({
      framework: 'custom',
      customCriteria: [
        { field: 'businessValue', weight: 2 },
        { field: 'ease', weight: 0.5 },
      ],
    });
    const result = intrinsicScore(buildItem({ businessValue: 10, ease: 6 }), settings);
    expect(result.value).toBe(23); // 2 × 10 + 0.5 × 6
    expect(result.formula).toBe('2 × businessValue + 0.5 × ease');
    expect(result.terms).toEqual([
      { field: 'businessValue', weight: 2, value: 10, contribution: 20 },
      { field: 'ease', weight: 0.5, value: 6, contribution: 3 },
    ]);
  });

  it('names every missing input instead of scoring 0', () => {
    const result = intrinsicScore(buildItem({ reach: null, confidence: null }), rice);
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(['reach', 'confidence']);
    expect(describeUnscorable(result)).toBe('missing reach, confidence');
  });

  it('treats a zero divisor as invalid, never Infinity', () => {
    const riceResult = intrinsicScore(buildItem({ effort: 0 }), rice);
    expect(riceResult.value).toBeNull();
    expect(riceResult.invalid).toEqual(['effort']);
    expect(describeUnscorable(riceResult)).toBe('effort 0 is out of range (more than 0)');

    const wsjfResult = intrinsicScore(
      buildItem({ businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 0 }),
      wsjf,
    );
    expect(wsjfResult.value).toBeNull();
    expect(wsjfResult.invalid).toEqual(['jobSize']);
  });

  it('rejects out-of-range and non-finite inputs', () => {
    const result = intrinsicScore(buildItem({ confidence: 80, reach: Number.NaN, impact: -1 }), rice);
    expect(result.value).toBeNull();
    expect(result.invalid).toEqual(['reach', 'impact', 'confidence']);
  });

  it('a reach of 0 is a real score of 0, not "not scorable"', () => {
    expect(intrinsicScore(buildItem({ reach: 0 }), rice).value).toBe(0);
  });

  it('custom needs every listed criterion', () => {
    const settings = withSettings({
      framework: 'custom',
      customCriteria: [
        { field: 'reach', weight: 1 },
        { field: 'ease', weight: 1 },
      ],
    });
    const result = intrinsicScore(buildItem({ reach: 10, ease: null }), settings);
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(['ease']);
    expect(result.terms?.[0]?.contribution).toBe(10);
  });
});
