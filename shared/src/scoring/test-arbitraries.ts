// fast-check arbitraries for random workspaces, shared by the property tests.
// Test-only: not exported from index.ts.
import fc from 'fast-check';
import { ESTIMATE_FIELDS } from './estimate-fields';
import type { ScoreBacklogInput } from './score-backlog';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { ScoringCycle, ScoringItem, ScoringKeyResult, ScoringLink, ScoringObjective } from './types';

const CYCLE_DATES = [
  { startsOn: '2025-07-01', endsOn: '2025-09-30' },
  { startsOn: '2025-04-01', endsOn: '2025-06-30' },
  { startsOn: '2025-10-01', endsOn: '2025-12-31' },
];

const cyclesArb: fc.Arbitrary<ScoringCycle[]> = fc
  .array(fc.constantFrom('planning', 'active', 'closed') as fc.Arbitrary<ScoringCycle['status']>, {
    minLength: 1,
    maxLength: 3,
  })
  .map((statuses) =>
    statuses.map((status, i) => ({ id: `c${i}`, status, ...(CYCLE_DATES[i] as (typeof CYCLE_DATES)[number]) })),
  );

const weightArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true }));

const objectivesArb: fc.Arbitrary<ScoringObjective[]> = fc
  .array(
    fc.record({
      cycle: fc.integer({ min: 0, max: 3 }), // c3 never exists: an orphan
      parent: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      weight: weightArb,
      deleted: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    }),
    { maxLength: 6 },
  )
  .map((list) =>
    list.map((o, i) => ({
      id: `o${i}`,
      cycleId: `c${o.cycle}`,
      parentId: o.parent === null ? null : `o${o.parent}`,
      weight: o.weight,
      deleted: o.deleted,
    })),
  );

export const keyResultsArb: fc.Arbitrary<ScoringKeyResult[]> = fc
  .array(
    fc.record({
      objective: fc.integer({ min: 0, max: 6 }),
      weight: weightArb,
      startValue: fc.integer({ min: 0, max: 50 }),
      targetValue: fc.integer({ min: 0, max: 100 }),
      currentValue: fc.option(fc.integer({ min: -20, max: 130 }), { nil: null }),
      latestConfidence: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      deleted: fc.boolean(),
    }),
    { maxLength: 10 },
  )
  .map((list) =>
    list.map(({ objective, ...kr }, i) => ({
      ...kr,
      id: `k${i}`,
      objectiveId: `o${objective}`,
      deleted: kr.deleted && i % 3 === 0,
    })),
  );

// Estimates include nulls, zeros and out-of-range values on purpose.
const estimateArb = fc.option(
  fc.oneof(fc.constantFrom(0, -1, 0.25, 0.5, 1, 2, 3, 8, 13), fc.double({ min: 0, max: 5000, noNaN: true })),
  {
    nil: null,
    freq: 8,
  },
);

const linkArb: fc.Arbitrary<ScoringLink> = fc.record({
  keyResultId: fc.integer({ min: 0, max: 11 }).map((i) => `k${i}`), // k10, k11 never exist
  strength: fc.integer({ min: 1, max: 3 }),
});

export const itemBodyArb = fc.record({
  status: fc.constantFrom('idea', 'ready', 'in-progress', 'done', 'dropped') as fc.Arbitrary<ScoringItem['status']>,
  teamId: fc.constant(null),
  rank: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  reach: estimateArb,
  impact: estimateArb,
  confidence: fc.option(fc.constantFrom(0, 0.5, 0.8, 1, 1.5), { nil: null, freq: 8 }),
  effort: estimateArb,
  businessValue: estimateArb,
  timeCriticality: estimateArb,
  riskReduction: estimateArb,
  jobSize: estimateArb,
  ease: fc.option(fc.integer({ min: 0, max: 11 }), { nil: null, freq: 8 }),
  links: fc.array(linkArb, { maxLength: 4 }),
});

const itemsArb: fc.Arbitrary<ScoringItem[]> = fc
  .array(itemBodyArb, { maxLength: 25 })
  .map((list) => list.map((body, i) => ({ ...body, id: `i${String(i).padStart(2, '0')}` })));

export const settingsArb: fc.Arbitrary<ScoringSettings> = fc
  .record({
    framework: fc.constantFrom('rice', 'wsjf', 'ice', 'custom') as fc.Arbitrary<ScoringSettings['framework']>,
    criteria: fc.uniqueArray(fc.constantFrom(...ESTIMATE_FIELDS), { minLength: 1, maxLength: 4 }),
    weight: fc.integer({ min: 1, max: 5 }),
    minPositions: fc.integer({ min: 1, max: 5 }),
    factor: fc.constantFrom(1, 1.5, 2),
    minItems: fc.integer({ min: 4, max: 8 }),
  })
  .map(({ framework, criteria, weight, minPositions, factor, minItems }) => ({
    ...DEFAULT_SCORING_SETTINGS,
    framework,
    customCriteria: criteria.map((field, i) => ({ field, weight: i === 0 ? weight : i })),
    itemFlags: {
      lowValueHighEffortMinItems: minItems,
      rankInversionMinPositions: minPositions,
      rankInversionValueFactor: factor,
    },
  }));

const asOfArb = fc
  .integer({ min: Date.UTC(2025, 2, 1), max: Date.UTC(2026, 0, 31) })
  .map((ms) => new Date(ms).toISOString());

export const workspaceArb: fc.Arbitrary<ScoreBacklogInput> = fc.record({
  items: itemsArb,
  keyResults: keyResultsArb,
  objectives: objectivesArb,
  cycles: cyclesArb,
  settings: settingsArb,
  asOf: asOfArb,
});
