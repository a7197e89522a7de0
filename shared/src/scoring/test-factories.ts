// Builders for tests: sensible defaults, override what the test is about.
// Not exported from index.ts; used only by *.test.ts beside this file.
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { ScoringCycle, ScoringItem, ScoringKeyResult, ScoringObjective } from './types';

export function buildItem(overrides: Partial<ScoringItem> = {}): ScoringItem {
  return {
    id: 'item-1',
    status: 'ready',
    teamId: null,
    rank: null,
    reach: 100,
    impact: 1,
    confidence: 1,
    effort: 1,
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    ease: null,
    links: [],
    ...overrides,
  };
}

export function buildKeyResult(overrides: Partial<ScoringKeyResult> = {}): ScoringKeyResult {
  return {
    id: 'kr-1',
    objectiveId: 'obj-1',
    weight: 1,
    startValue: 0,
    targetValue: 100,
    currentValue: null,
    latestConfidence: null,
    deleted: false,
    ...overrides,
  };
}

export function buildObjective(overrides: Partial<ScoringObjective> = {}): ScoringObjective {
  return { id: 'obj-1', cycleId: 'cycle-1', parentId: null, weight: 1, deleted: false, ...overrides };
}

export function buildCycle(overrides: Partial<ScoringCycle> = {}): ScoringCycle {
  return { id: 'cycle-1', status: 'active', startsOn: '2025-07-01', endsOn: '2025-09-30', ...overrides };
}

export function withSettings(overrides: {
  [K in keyof ScoringSettings]?: ScoringSettings[K] extends readonly unknown[] | string
    ? ScoringSettings[K]
    : Partial<ScoringSettings[K]>;
}): ScoringSettings {
  const d = DEFAULT_SCORING_SETTINGS;
  return {
    framework: overrides.framework ?? d.framework,
    customCriteria: overrides.customCriteria ?? d.customCriteria,
    alignment: { ...d.alignment, ...overrides.alignment },
    combination: { ...d.combination, ...overrides.combination },
    itemFlags: { ...d.itemFlags, ...overrides.itemFlags },
    krFlags: { ...d.krFlags, ...overrides.krFlags },
    calibration: { ...d.calibration, ...overrides.calibration },
  };
}

/** Small deterministic PRNG so generated backlogs are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A realistic large workspace: one active cycle, 2-level objective tree, items with 0–3 links. */
export function generateWorkspace(options: { items: number; keyResults: number; seed?: number }) {
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const cycles: ScoringCycle[] = [
    buildCycle({ id: 'q3', status: 'active' }),
    buildCycle({ id: 'q2', status: 'closed', startsOn: '2025-04-01', endsOn: '2025-06-30' }),
  ];
  const objectives: ScoringObjective[] = [];
  for (let i = 0; i < 10; i++) objectives.push(buildObjective({ id: `co-${i}`, cycleId: 'q3', weight: 1 + (i % 3) }));
  for (let i = 0; i < 90; i++) {
    objectives.push(buildObjective({ id: `to-${i}`, cycleId: 'q3', parentId: `co-${i % 10}`, weight: 1 + (i % 4) }));
  }
  objectives.push(buildObjective({ id: 'old-0', cycleId: 'q2' }));
  const keyResults: ScoringKeyResult[] = [];
  for (let i = 0; i < options.keyResults; i++) {
    const objective = i % 50 === 0 ? objectives[objectives.length - 1] : objectives[i % 100];
    keyResults.push(
      buildKeyResult({
        id: `kr-${i}`,
        objectiveId: objective?.id ?? 'co-0',
        weight: 1 + Math.floor(random() * 5),
        startValue: i % 7 === 0 ? 40 : 0,
        targetValue: i % 7 === 0 ? 10 : 100,
        currentValue: random() < 0.9 ? Math.round(random() * 110) : null,
        latestConfidence: random() < 0.8 ? Math.round(random() * 10) : null,
        deleted: random() < 0.02,
      }),
    );
  }
  const statuses = ['idea', 'ready', 'in-progress', 'done', 'dropped'] as const;
  const items: ScoringItem[] = [];
  for (let i = 0; i < options.items; i++) {
    const linkCount = Math.floor(random() * 4);
    const links = Array.from({ length: linkCount }, () => ({
      keyResultId: `kr-${Math.floor(random() * options.keyResults)}`,
      strength: 1 + Math.floor(random() * 3),
    }));
    items.push(
      buildItem({
        id: `item-${i}`,
        status: pick(statuses),
        teamId: `team-${i % 12}`,
        rank: random() < 0.9 ? i + 1 : null,
        reach: random() < 0.95 ? Math.round(random() * 5000) : null,
        impact: pick([0.25, 0.5, 1, 2, 3]),
        confidence: pick([0.5, 0.8, 1]),
        effort: random() < 0.97 ? pick([1, 2, 3, 5, 8, 13, 21]) : null,
        links,
      }),
    );
  }
  return { items, keyResults, objectives, cycles, settings: DEFAULT_SCORING_SETTINGS, asOf: '2025-08-16T00:00:00Z' };
}

/** The worked example of docs/SCORING.md, verbatim. */
export function buildWorkedExample() {
  const cycles = [buildCycle({ id: 'q3', status: 'active', startsOn: '2025-07-01', endsOn: '2025-09-30' })];
  const objectives = [
    buildObjective({ id: 'grow', cycleId: 'q3', weight: 3 }),
    buildObjective({ id: 'churn', cycleId: 'q3', weight: 1 }),
  ];
  const keyResults = [
    buildKeyResult({
      id: 'k1',
      objectiveId: 'grow',
      weight: 2,
      startValue: 0,
      targetValue: 100,
      currentValue: 20,
      latestConfidence: 8,
    }),
    buildKeyResult({
      id: 'k2',
      objectiveId: 'grow',
      weight: 2,
      startValue: 0,
      targetValue: 50,
      currentValue: 30,
      latestConfidence: 6,
    }),
    buildKeyResult({
      id: 'k3',
      objectiveId: 'churn',
      weight: 1,
      startValue: 40,
      targetValue: 10,
      currentValue: 31,
      latestConfidence: 3,
    }),
  ];
  const estimates = { reach: 500, impact: 2, confidence: 0.8, effort: 4 };
  const items = [
    buildItem({
      id: 'A',
      ...estimates,
      links: [
        { keyResultId: 'k1', strength: 2 },
        { keyResultId: 'k3', strength: 3 },
      ],
    }),
    buildItem({ id: 'B', ...estimates }),
    buildItem({
      id: 'C',
      reach: 1000,
      impact: 1,
      confidence: 0.5,
      effort: 5,
      links: [{ keyResultId: 'k2', strength: 1 }],
    }),
  ];
  return { items, keyResults, objectives, cycles, settings: DEFAULT_SCORING_SETTINGS, asOf: '2025-08-16T00:00:00Z' };
}
