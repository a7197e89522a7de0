import { describe, expect, it } from 'vitest';
import { NO_KEY_RESULT as NO_KR_ROW } from '@keyline/shared';
import { formatPoints as formatGap } from '../../../lib/format';
import { objectiveShareRows } from './objective-shares';

const objective = (
  objectiveId: string,
  level: number,
  weightShare: number,
  effortShare: number | null,
  effort = 0,
) => ({
  objectiveId,
  title: objectiveId,
  parentId: level ? 'parent' : null,
  level,
  weightShare,
  effort,
  effortShare,
});

const headline = (misalignedEffortShare: number | null) => ({
  openEffort: 100,
  misalignedEffort: 0,
  misalignedEffortShare,
  openItemsWithoutEffort: 0,
  krCoverage: { covered: 0, total: 0, share: null },
});

describe('objectiveShareRows', () => {
  it('puts effort with no key result beside the company objectives, biggest gap first', () => {
    const groups = objectiveShareRows({
      headline: headline(0.18),
      objectives: [
        objective('Revenue', 0, 0.4, 0.42),
        objective('Support', 0, 0.3, 0.15),
        objective('Platform', 0, 0.3, 0.25),
        objective('Onboarding', 1, 1, 0.1),
      ],
    });
    expect(groups?.top.map((r) => [r.id, Math.round(r.gap * 100)])).toEqual([
      [NO_KR_ROW, 18],
      ['Support', -15],
      ['Platform', -5],
      ['Revenue', 2],
    ]);
    expect(groups?.nested.map((r) => r.id)).toEqual(['Onboarding']);
  });

  it('shares team objectives’ effort out within their level, where their weights add up to 1', () => {
    const groups = objectiveShareRows({
      headline: headline(0.5),
      objectives: [
        objective('Company', 0, 1, 0.5, 50),
        objective('Team A', 1, 0.5, 0.1, 10),
        objective('Team B', 1, 0.5, 0.3, 30),
      ],
    });
    expect(groups?.nested.map((r) => [r.id, r.effortShare, r.weightShare])).toEqual([
      ['Team A', 0.25, 0.5],
      ['Team B', 0.75, 0.5],
    ]);
  });

  it('has nothing to compare while there is no open effort', () => {
    expect(objectiveShareRows({ headline: headline(null), objectives: [objective('Revenue', 0, 1, null)] })).toBeNull();
    expect(objectiveShareRows({ headline: null, objectives: [] })).toBeNull();
  });
});

describe('formatGap', () => {
  it('writes share changes in percentage points with a true minus', () => {
    expect(formatGap(0.123)).toBe('+12 pp');
    expect(formatGap(-0.05)).toBe('−5 pp');
    expect(formatGap(0.001)).toBe('0 pp');
  });
});
