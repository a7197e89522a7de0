import { describe, expect, it } from 'vitest';
import { NO_KEY_RESULT } from '@keyline/shared';
import { formatPoints } from '../../../lib/format';
import { effortRows, effortRowSentence, misalignedHistory, misalignedSentence } from './effort-rows';

const objectives = [
  { objectiveId: 'a', title: 'Revenue', level: 0, weightShare: 0.5, effortShare: 0.45 },
  { objectiveId: 'b', title: 'Support', level: 0, weightShare: 0.3, effortShare: 0.05 },
  { objectiveId: 'c', title: 'Platform', level: 0, weightShare: 0.2, effortShare: null },
  { objectiveId: 'd', title: 'Team: onboarding', level: 1, weightShare: 1, effortShare: 0.3 },
];

describe('effort share against weight', () => {
  it('lists company objectives by the size of their gap, then effort serving no KR, which nobody weighted', () => {
    const rows = effortRows(objectives, 0.3);
    expect(rows?.map((r) => [r.title, Math.round(r.gap * 100)])).toEqual([
      ['Support', -25],
      ['Platform', -20],
      ['Revenue', -5],
      ['No key result', 30],
    ]);
    expect(rows?.at(-1)).toMatchObject({ id: NO_KEY_RESULT, weightShare: null });
  });

  it('has nothing to show when no open work is estimated', () => {
    expect(effortRows(objectives, null)).toBeNull();
  });

  it('speaks in percentage points with a true minus', () => {
    expect([0.123, -0.05, 0.001].map(formatPoints)).toEqual(['+12 pp', '−5 pp', '0 pp']);
    expect(effortRowSentence({ id: 'b', title: 'Support', effortShare: 0.05, weightShare: 0.3, gap: -0.25 })).toBe(
      'Support: 5% of the effort against 30% of the weight (−25 pp)',
    );
  });
});

describe('misaligned effort history', () => {
  const history = misalignedHistory([
    { recordedAt: '2026-11-27T00:00:00.000Z', misalignedEffortShare: 0.18 },
    { recordedAt: '2026-10-02T00:00:00.000Z', misalignedEffortShare: null },
    { recordedAt: '2026-10-01T00:00:00.000Z', misalignedEffortShare: 0.12 },
  ]);

  it('keeps the recorded points oldest first, skipping days with no effort', () => {
    expect(history.map((p) => p.share)).toEqual([0.12, 0.18]);
  });

  it('says where it stands and how it moved since the first record', () => {
    expect(misalignedSentence(0.18, history)).toMatch(/^Misaligned effort is 18% now, up 6 pp from 12% on .+\.$/);
    expect(misalignedSentence(0.12, history)).toMatch(/unchanged from 12%/);
    expect(misalignedSentence(0.2, history.slice(0, 1))).toBe(
      'Misaligned effort is 20% now. Its trend appears once Keyline has recorded it again (it does daily and at every check-in).',
    );
    expect(misalignedSentence(null, [])).toMatch(/no misaligned share/);
  });
});
