import { describe, expect, it } from 'vitest';
import {
  classifyQuadrant,
  describeMatrix,
  logDomain,
  logTicks,
  median,
  summarizeMatrix,
  type MatrixPoint,
} from './quadrants';

const point = (id: string, valueScore: number, effort: number, extra: Partial<MatrixPoint> = {}): MatrixPoint => ({
  id,
  title: id,
  valueScore,
  effort,
  aligned: true,
  flags: [],
  ...extra,
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even one, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([8, 2, 4, 6])).toBe(5);
    expect(median([7])).toBe(7);
  });

  it('has no median without values, and ignores values that are not numbers', () => {
    expect(median([])).toBeNull();
    expect(median([Number.NaN])).toBeNull();
    expect(median([1, Number.NaN, 3])).toBe(2);
  });
});

describe('classifyQuadrant', () => {
  const medians = { value: 100, effort: 5 };

  it('names each quadrant by value against effort', () => {
    expect(classifyQuadrant({ valueScore: 400, effort: 1 }, medians)).toBe('quick-win');
    expect(classifyQuadrant({ valueScore: 400, effort: 13 }, medians)).toBe('big-bet');
    expect(classifyQuadrant({ valueScore: 10, effort: 1 }, medians)).toBe('fill-in');
    expect(classifyQuadrant({ valueScore: 10, effort: 13 }, medians)).toBe('time-sink');
  });

  it('gives items exactly on a median line the favourable side', () => {
    expect(classifyQuadrant({ valueScore: 100, effort: 5 }, medians)).toBe('quick-win');
    expect(classifyQuadrant({ valueScore: 99.9, effort: 5 }, medians)).toBe('fill-in');
    expect(classifyQuadrant({ valueScore: 100, effort: 5.1 }, medians)).toBe('big-bet');
  });
});

describe('summarizeMatrix and its sentence', () => {
  const points = [
    point('a', 900, 1),
    point('b', 800, 8, { flags: ['LOW_VALUE_HIGH_EFFORT'] }),
    point('c', 20, 2, { aligned: false, flags: ['UNALIGNED'] }),
    point('d', 10, 13, { aligned: false, flags: ['UNALIGNED'] }),
  ];

  it('counts each quadrant around the medians, and the unaligned and flagged points', () => {
    const summary = summarizeMatrix(points);
    expect(summary?.medians).toEqual({ value: 410, effort: 5 });
    expect(summary?.counts).toEqual({ 'quick-win': 1, 'big-bet': 1, 'fill-in': 1, 'time-sink': 1 });
    expect(summary?.unaligned).toBe(2);
    expect(summary?.flagged).toBe(3);
  });

  it('says what the chart shows, and that it is capped when it is', () => {
    const summary = summarizeMatrix(points);
    expect(describeMatrix(summary, 4)).toBe(
      '4 open items with a value score and an effort: 1 quick win, 1 big bet, 1 fill-in and 1 time sink, ' +
        'split at the median effort of 5 pts and the median value of 410. 2 of them have no key result; 3 are flagged.',
    );
    expect(describeMatrix(summary, 12_345)).toMatch(/^The 4 highest-value of 12,345 open items: /);
    expect(describeMatrix(summarizeMatrix([]), 0)).toMatch(/nothing to plot/);
    expect(describeMatrix(summarizeMatrix([point('x', 5, 1, { aligned: false, flags: ['UNALIGNED'] })]), 1)).toMatch(
      /1 of them has no key result; 1 is flagged\.$/,
    );
  });
});

describe('log axes', () => {
  it('pads the domain out to whole 1-2-5 steps with air around the positive values', () => {
    expect(logDomain([3, 21, 8])).toEqual([2, 50]);
    expect(logDomain([0, 0.4, 17_209])).toEqual([0.2, 20_000]);
    expect(logDomain([5])).toEqual([2, 10]);
    expect(logDomain([1, 13])).toEqual([0.5, 20]);
    expect(logDomain([0])).toEqual([1, 10]);
  });

  it('ticks at 1, 2 and 5 of each power of ten inside the domain', () => {
    expect(logTicks([2, 50])).toEqual([2, 5, 10, 20, 50]);
    expect(logTicks([0.2, 2000])).toEqual([0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
  });
});
