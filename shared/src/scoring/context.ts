// Everything about the OKR structure that scoring needs, computed once per
// call in O(KRs + objectives): shares, levels, progress and boosts per KR.
// Items then look KRs up in a Map, so scoring n items is O(n · links).
import { keyResultProgress } from '../key-results/progress';
import { clampUnit, expectedProgressAt, toEpochMs } from './progress';
import type { TrackRecord } from '../outcomes/types';
import type { ScoringSettings } from './settings';
import type { IgnoredLinkReason, KrWeighting, ScoringCycle, ScoringKeyResult, ScoringObjective } from './types';

export interface ObjectiveContext {
  objective: ScoringObjective;
  level: number;
  /** Ancestor ids in the same cycle, nearest first (for rolling effort up). */
  ancestorIds: string[];
  weightSum: number;
  /** weight ÷ Σ weights of live objectives of the same cycle at the same level. */
  share: number;
}

export interface KeyResultContext {
  keyResult: ScoringKeyResult;
  /** Unclamped progress, as the UI shows it. */
  progress: number | null;
  /** 'live' when a link to it counts for alignment; otherwise why it does not. */
  linkStatus: 'live' | IgnoredLinkReason;
  /** Null when the KR is deleted or orphaned (no objective/cycle to weigh it by). */
  weighting: KrWeighting | null;
}

export interface ScoringContext {
  settings: ScoringSettings;
  asOfMs: number;
  keyResults: ReadonlyMap<string, KeyResultContext>;
  objectives: ReadonlyMap<string, ObjectiveContext>;
  cycles: ReadonlyMap<string, ScoringCycle>;
  /** Active cycle ids, latest start first. */
  activeCycleIds: readonly string[];
  /** Each team's settled outcome history (null = no team): read only when calibration is enabled. */
  trackRecords: ReadonlyMap<string | null, TrackRecord>;
}

export interface ScoringStructure {
  keyResults: readonly ScoringKeyResult[];
  objectives: readonly ScoringObjective[];
  cycles: readonly ScoringCycle[];
  settings: ScoringSettings;
  asOf: Date | string;
  /** Team track records for calibrated confidence; none means every team keeps its stated confidence. */
  trackRecords?: ReadonlyMap<string | null, TrackRecord>;
}

const NO_RECORDS: ReadonlyMap<string | null, TrackRecord> = new Map();

/** Bad weights (negative, NaN) count as 0 rather than poisoning every share. */
function safeWeight(weight: number): number {
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/** weight ÷ sum, or an equal split when every weight in the group is 0. */
function shareOf(weight: number, sum: number, count: number): number {
  if (count === 0) return 0;
  return sum > 0 ? weight / sum : 1 / count;
}

function groupKey(cycleId: string, level: number): string {
  return `${cycleId}\u0000${level}`;
}

function computeLevels(objectives: ReadonlyMap<string, ScoringObjective>): Map<string, string[]> {
  // Ancestors within the same cycle; a visited set stops on corrupt parent loops.
  const ancestors = new Map<string, string[]>();
  for (const objective of objectives.values()) {
    const chain: string[] = [];
    const visited = new Set<string>([objective.id]);
    let parent = objective.parentId === null ? undefined : objectives.get(objective.parentId);
    while (parent && parent.cycleId === objective.cycleId && !visited.has(parent.id)) {
      chain.push(parent.id);
      visited.add(parent.id);
      parent = parent.parentId === null ? undefined : objectives.get(parent.parentId);
    }
    ancestors.set(objective.id, chain);
  }
  return ancestors;
}

const byId = <T extends { id: string }>(a: T, b: T): number => compareIds(a.id, b.id);

export function buildScoringContext(structure: ScoringStructure): ScoringContext {
  const { settings } = structure;
  const asOfMs = toEpochMs(structure.asOf);
  // Weight sums run in id order so shares are bit-identical whatever order
  // the rows arrived in (floating-point addition is not associative).
  const keyResultRows = [...structure.keyResults].sort(byId);

  const cycles = new Map([...structure.cycles].sort(byId).map((c) => [c.id, c]));
  const expectedByCycle = new Map<string, number | null>();
  for (const cycle of cycles.values()) expectedByCycle.set(cycle.id, expectedProgressAt(cycle, asOfMs));

  const rawObjectives = new Map([...structure.objectives].sort(byId).map((o) => [o.id, o]));
  const ancestors = computeLevels(rawObjectives);

  // Objective shares: among live objectives of the same cycle and level.
  const levelSums = new Map<string, { sum: number; count: number }>();
  for (const objective of rawObjectives.values()) {
    if (objective.deleted) continue;
    const key = groupKey(objective.cycleId, ancestors.get(objective.id)?.length ?? 0);
    const group = levelSums.get(key) ?? { sum: 0, count: 0 };
    group.sum += safeWeight(objective.weight);
    group.count += 1;
    levelSums.set(key, group);
  }
  const objectives = new Map<string, ObjectiveContext>();
  for (const objective of rawObjectives.values()) {
    const ancestorIds = ancestors.get(objective.id) ?? [];
    const group = levelSums.get(groupKey(objective.cycleId, ancestorIds.length));
    objectives.set(objective.id, {
      objective,
      level: ancestorIds.length,
      ancestorIds,
      weightSum: group?.sum ?? 0,
      share: objective.deleted || !group ? 0 : shareOf(safeWeight(objective.weight), group.sum, group.count),
    });
  }

  // KR shares: among live KRs of the same objective.
  const krSums = new Map<string, { sum: number; count: number }>();
  for (const kr of keyResultRows) {
    if (kr.deleted) continue;
    const group = krSums.get(kr.objectiveId) ?? { sum: 0, count: 0 };
    group.sum += safeWeight(kr.weight);
    group.count += 1;
    krSums.set(kr.objectiveId, group);
  }

  const { behindPaceBoost, lowConfidenceBoost, lowConfidenceBelow } = settings.alignment;
  const keyResults = new Map<string, KeyResultContext>();
  for (const kr of keyResultRows) {
    const progress = keyResultProgress(kr);
    const objective = objectives.get(kr.objectiveId);
    const cycle = objective ? cycles.get(objective.objective.cycleId) : undefined;
    let weighting: KrWeighting | null = null;
    if (!kr.deleted && objective && !objective.objective.deleted && cycle) {
      const group = krSums.get(kr.objectiveId) ?? { sum: 0, count: 0 };
      const expected = expectedByCycle.get(cycle.id) ?? null;
      const clamped = progress === null ? null : clampUnit(progress);
      const confidence =
        kr.latestConfidence === null || !Number.isFinite(kr.latestConfidence)
          ? null
          : Math.min(10, Math.max(0, kr.latestConfidence));
      const paceShortfall = expected === null || clamped === null ? 0 : Math.max(0, expected - clamped);
      const confidenceShortfall =
        confidence === null ? 0 : Math.max(0, (lowConfidenceBelow - confidence) / lowConfidenceBelow);
      weighting = Object.freeze({
        keyResultId: kr.id,
        objectiveId: kr.objectiveId,
        cycleId: cycle.id,
        level: objective.level,
        krWeight: safeWeight(kr.weight),
        krWeightSum: group.sum,
        krShare: shareOf(safeWeight(kr.weight), group.sum, group.count),
        objectiveWeight: safeWeight(objective.objective.weight),
        objectiveWeightSum: objective.weightSum,
        objectiveShare: objective.share,
        progress: clamped,
        expectedProgress: expected,
        paceShortfall,
        confidence,
        confidenceShortfall,
        boost: 1 + behindPaceBoost * paceShortfall + lowConfidenceBoost * confidenceShortfall,
      });
    }
    keyResults.set(kr.id, {
      keyResult: kr,
      progress,
      weighting,
      linkStatus: linkStatusOf(kr, objective, cycle, progress),
    });
  }

  const activeCycleIds = [...cycles.values()]
    .filter((c) => c.status === 'active')
    .sort((a, b) => (a.startsOn === b.startsOn ? compareIds(a.id, b.id) : a.startsOn < b.startsOn ? 1 : -1))
    .map((c) => c.id);

  const trackRecords = structure.trackRecords ?? NO_RECORDS;
  return { settings, asOfMs, keyResults, objectives, cycles, activeCycleIds, trackRecords };
}

function linkStatusOf(
  kr: ScoringKeyResult,
  objective: ObjectiveContext | undefined,
  cycle: ScoringCycle | undefined,
  progress: number | null,
): KeyResultContext['linkStatus'] {
  if (kr.deleted) return 'deleted-key-result';
  if (!objective || objective.objective.deleted) return 'deleted-objective';
  if (!cycle) return 'unknown-cycle';
  if (cycle.status === 'closed') return 'closed-cycle';
  if (cycle.status !== 'active') return 'inactive-cycle';
  if (progress !== null && progress >= 1) return 'achieved';
  return 'live';
}

/** Code-unit order, so ids sort the same in every locale and runtime. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
