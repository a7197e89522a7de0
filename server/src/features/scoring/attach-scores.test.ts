import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_SETTINGS,
  LiveBacklog,
  ScoredBacklogItemSchema,
  buildScoringContext,
  scoreBacklog,
  type BacklogItem,
  type ScoreBacklogInput,
} from '@keyline/shared';
import { attachScores } from './attach-scores';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CYCLE = ID(900);
const OBJECTIVE = ID(901);
const KR = ID(902);

/** An item DTO as the list and the write answers carry it, before scoring. */
function item(n: number, fields: Partial<BacklogItem> = {}): BacklogItem {
  return {
    id: ID(n),
    title: `Item ${n}`,
    description: '',
    type: 'feature',
    status: 'ready',
    teamId: null,
    rank: n,
    reach: 100 * n,
    impact: 1,
    confidence: 1,
    effort: n,
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    ease: null,
    externalKey: null,
    labels: [],
    links: [],
    doneAt: null,
    source: null,
    archivedAt: null,
    version: 1,
    createdAt: '2025-07-01T00:00:00.000Z',
    updatedAt: '2025-07-01T00:00:00.000Z',
    ...fields,
  };
}

const ITEMS = [
  item(1, { links: [{ keyResultId: KR, strength: 3 }] }),
  item(2),
  item(3, { effort: null }),
  item(4, { links: [{ keyResultId: KR, strength: 1 }], reach: 10 }),
  item(5, { rank: 0.5, reach: 1 }),
  item(6, { status: 'done', doneAt: '2025-08-01T00:00:00.000Z' }),
];

const structure: Omit<ScoreBacklogInput, 'items'> = {
  cycles: [{ id: CYCLE, status: 'active', startsOn: '2025-07-01', endsOn: '2025-09-30' }],
  objectives: [{ id: OBJECTIVE, cycleId: CYCLE, parentId: null, weight: 1, deleted: false }],
  keyResults: [
    {
      id: KR,
      objectiveId: OBJECTIVE,
      weight: 1,
      startValue: 0,
      targetValue: 100,
      currentValue: 10,
      latestConfidence: 3,
      deleted: false,
    },
  ],
  settings: DEFAULT_SCORING_SETTINGS,
  asOf: '2025-08-16T00:00:00Z',
};

const live = (items: readonly BacklogItem[]) =>
  LiveBacklog.of(
    items.map((i) => ({ ...i, doneAt: i.doneAt })),
    buildScoringContext(structure),
  );

describe('attachScores', () => {
  it('gives each row the score, breakdown and flags that scoring the whole backlog gives it', () => {
    const fresh = scoreBacklog({ ...structure, items: ITEMS });
    const scored = attachScores(ITEMS, live(ITEMS));
    expect(scored.map((s) => s.id)).toEqual(ITEMS.map((i) => i.id));
    for (const row of scored) {
      const expected = fresh.items.find((i) => i.id === row.id);
      expect(row.valueScore).toBe(expected?.valueScore);
      expect(row.intrinsic).toBe(expected?.intrinsic);
      expect(row.alignment).toBe(expected?.alignment);
      expect(row.flags).toEqual(expected?.flags);
      expect(row.breakdown).toEqual(expected?.breakdown);
    }
  });

  it('keeps every field of the row and answers the scored item schema', () => {
    const [first] = attachScores([ITEMS[0]!], live(ITEMS));
    expect(first).toMatchObject(ITEMS[0]!);
    expect(ScoredBacklogItemSchema.parse(first)).toEqual(first);
  });

  it('scores a row the live backlog has not seen yet (written a moment after it was updated) the same way', () => {
    const late = item(7, { links: [{ keyResultId: KR, strength: 2 }] });
    const withLate = [...ITEMS, late];
    const [scored] = attachScores([late], live(ITEMS));
    const expected = scoreBacklog({ ...structure, items: withLate }).items.find((i) => i.id === late.id);
    expect(scored?.valueScore).toBe(expected?.valueScore);
    expect(scored?.breakdown).toEqual(expected?.breakdown);
  });
});
