import { describe, expect, it } from 'vitest';
import { averageRanks, median, sampleNote, spearman } from './stats';

describe('outcome statistics', () => {
  it('median of odd and even lists, null when empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('ties share their average rank', () => {
    expect(averageRanks([10, 20, 10, 30])).toEqual([1.5, 3, 1.5, 4]);
  });

  it('Spearman: +1 for any increasing relation, −1 for decreasing, null below 3 or without spread', () => {
    expect(spearman([1, 2, 3, 4].map((x) => ({ x, y: x ** 3 })))).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4].map((x) => ({ x, y: -x })))).toBeCloseTo(-1, 12);
    // Textbook example with a tie: ranks x 1..5, y 2.5, 1, 2.5, 4, 5 → rho = 0.8208
    expect(
      spearman([
        { x: 1, y: 2 },
        { x: 2, y: 1 },
        { x: 3, y: 2 },
        { x: 4, y: 3 },
        { x: 5, y: 4 },
      ]),
    ).toBeCloseTo(0.8208, 4);
    expect(
      spearman([
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toBeNull();
    expect(spearman([1, 2, 3].map((x) => ({ x, y: 5 })))).toBeNull();
  });

  it('says when a sample is too small to judge', () => {
    expect(sampleNote(3)).toBe('3 items: too few to judge');
    expect(sampleNote(1)).toBe('1 item: too few to judge');
    expect(sampleNote(10)).toBe('');
  });
});
