import { describe, expect, it } from 'vitest';
import type { ItemOutcomeDto, OutcomeSummaryDto } from '@keyline/shared';
import { calibrationBars, calibrationSentence, spearmanText } from './calibration-model';
import { itemRows, sortRows } from './outcome-table';

const item = (id: string, fields: Partial<ItemOutcomeDto>): ItemOutcomeDto => ({
  itemId: id,
  title: id,
  externalKey: null,
  cycleId: 'q',
  teamId: null,
  doneAt: '2026-10-01T00:00:00.000Z',
  effort: null,
  predicted: null,
  state: 'moved',
  provisional: false,
  credit: null,
  creditPerPoint: null,
  links: [],
  ...fields,
});

describe('the shipped items table', () => {
  const rows = itemRows(
    [
      item('b', { effort: 5, credit: 0.2, doneAt: '2026-10-03T00:00:00.000Z' }),
      item('a', { effort: null, credit: null, state: 'waiting' }),
      item('c', { effort: 2, credit: -0.1, teamId: 't', state: 'not-moved' }),
    ],
    (id) => (id === 't' ? 'Growth' : 'No team'),
  );

  it('sorts by a figure either way, items without it last both ways', () => {
    expect(sortRows(rows, 'effort', 'desc').map((r) => r.item.itemId)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'effort', 'asc').map((r) => r.item.itemId)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, 'credit', 'asc').map((r) => r.item.itemId)).toEqual(['c', 'b', 'a']);
  });

  it('sorts words from A, outcomes moved → not moved → waiting, and keeps ties in the given order', () => {
    expect(sortRows(rows, 'team', 'asc').map((r) => r.team)).toEqual(['Growth', 'No team', 'No team']);
    expect(sortRows(rows, 'state', 'asc').map((r) => r.item.state)).toEqual(['moved', 'not-moved', 'waiting']);
    expect(sortRows(rows, 'doneAt', 'desc').map((r) => r.item.itemId)).toEqual(['b', 'a', 'c']);
  });
});

describe('the calibration chart model', () => {
  const calibration: OutcomeSummaryDto['calibration'] = {
    buckets: [
      { from: 0, to: 0.5, label: '0–0.5', count: 4, hits: 1, hitRate: 0.25, medianCredit: 0 },
      { from: 0.5, to: 1, label: '0.5–1', count: 0, hits: 0, hitRate: null, medianCredit: null },
      { from: 1, to: 3, label: '1–3', count: 2, hits: 2, hitRate: 1, medianCredit: 0.3 },
    ],
    spearman: 0.6123,
    sampleSize: 6,
    tooFew: true,
    sampleNote: '6 items: too few to judge',
  };

  it('labels each bar with its counts; an empty bucket says none instead of 0%', () => {
    expect(calibrationBars(calibration).map((b) => [b.label, b.countLabel, b.hitRate])).toEqual([
      ['0–0.5', '1 of 4', 0.25],
      ['0.5–1', 'none', null],
      ['1–3', '2 of 2', 1],
    ]);
  });

  it('reads every non-empty bucket, the correlation and the small-sample caveat', () => {
    expect(calibrationSentence(calibration)).toBe(
      'predicted 0–0.5: 1 of 4 moved their KR (25%), median credit 0% of the range; predicted 1–3: 2 of 2 moved their KR (100%), median credit +30% of the range. Rank correlation (Spearman ρ) 0.61 over 6 items. 6 items: too few to judge.',
    );
    expect(spearmanText({ ...calibration, spearman: null, sampleSize: 2 })).toBe(
      'No rank correlation over 2 items (too few, or no spread)',
    );
  });
});
