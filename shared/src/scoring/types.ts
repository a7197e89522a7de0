// Plain input and output shapes of the scoring engine. Callers map their
// entities to these, so the engine never depends on TypeORM, HTTP or React.
import type { EstimateField } from './estimate-fields';
import type { ScoringFramework } from './settings';

export type ScoringItemStatus = 'idea' | 'ready' | 'in-progress' | 'done' | 'dropped';

export type ScoringCycleStatus = 'planning' | 'active' | 'closed';

export interface ScoringLink {
  keyResultId: string;
  /** Contribution strength, 1 (helps a bit) to 3 (moves it directly). */
  strength: number;
}

export interface ScoringItem {
  id: string;
  status: ScoringItemStatus;
  teamId: string | null;
  /** Manual rank: 1 is the top of the backlog; null when never ranked. */
  rank: number | null;
  reach: number | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
  businessValue: number | null;
  timeCriticality: number | null;
  riskReduction: number | null;
  jobSize: number | null;
  ease: number | null;
  links: readonly ScoringLink[];
}

export interface ScoringKeyResult {
  id: string;
  objectiveId: string;
  weight: number;
  startValue: number;
  targetValue: number;
  currentValue: number | null;
  /** Latest check-in confidence, 0–10; null before the first check-in. */
  latestConfidence: number | null;
  deleted: boolean;
}

export interface ScoringObjective {
  id: string;
  cycleId: string;
  parentId: string | null;
  weight: number;
  deleted: boolean;
}

export interface ScoringCycle {
  id: string;
  status: ScoringCycleStatus;
  /** 'YYYY-MM-DD', first day of the cycle (UTC). */
  startsOn: string;
  /** 'YYYY-MM-DD', last day of the cycle, inclusive (UTC). */
  endsOn: string;
}

export type ItemFlagCode =
  'NOT_SCORABLE' | 'UNALIGNED' | 'STALE_ALIGNMENT' | 'LOW_VALUE_HIGH_EFFORT' | 'RANK_INVERSION';

export interface ItemFlag {
  code: ItemFlagCode;
  message: string;
  /** RANK_INVERSION: the more valuable item ranked below this one. */
  relatedItemId?: string;
}

export type KrFlagCode = 'NO_WORK' | 'EFFORT_MISMATCH';

export interface KrFlag {
  keyResultId: string;
  code: KrFlagCode;
  message: string;
}

export interface IntrinsicTerm {
  field: EstimateField;
  weight: number;
  value: number | null;
  contribution: number | null;
}

export interface IntrinsicBreakdown {
  framework: ScoringFramework;
  /** Symbolic formula, e.g. 'reach × impact × confidence ÷ effort'. */
  formula: string;
  /** Every estimate field the framework reads, with the item's value. */
  inputs: Partial<Record<EstimateField, number | null>>;
  /** Custom framework only: one term per criterion. */
  terms: IntrinsicTerm[] | null;
  value: number | null;
  missing: readonly EstimateField[];
  invalid: readonly EstimateField[];
}

/**
 * Everything about one key result that an alignment term uses. Computed once
 * per KR and shared by every link to it (treat as read-only).
 */
export interface KrWeighting {
  keyResultId: string;
  objectiveId: string;
  cycleId: string;
  /** Depth of the objective in its cycle's tree: 0 = top level. */
  level: number;
  krWeight: number;
  krWeightSum: number;
  krShare: number;
  objectiveWeight: number;
  objectiveWeightSum: number;
  objectiveShare: number;
  /** KR progress clamped to [0, 1]; null when it cannot be computed. */
  progress: number | null;
  expectedProgress: number | null;
  /** max(0, expected − progress): how far behind pace, 0 when unknown. */
  paceShortfall: number;
  confidence: number | null;
  /** max(0, (lowConfidenceBelow − confidence) ÷ lowConfidenceBelow), 0 when unknown. */
  confidenceShortfall: number;
  /** 1 + behindPaceBoost × paceShortfall + lowConfidenceBoost × confidenceShortfall. */
  boost: number;
}

export interface AlignmentTerm {
  keyResultId: string;
  strength: number;
  keyResult: KrWeighting;
  /** strength × krShare × objectiveShare × boost */
  term: number;
}

export type IgnoredLinkReason =
  | 'unknown-key-result'
  | 'deleted-key-result'
  | 'deleted-objective'
  | 'unknown-cycle'
  | 'closed-cycle'
  | 'achieved'
  | 'inactive-cycle';

export interface IgnoredLink {
  keyResultId: string;
  strength: number;
  reason: IgnoredLinkReason;
}

export interface AlignmentBreakdown {
  formula: string;
  terms: readonly AlignmentTerm[];
  ignoredLinks: readonly IgnoredLink[];
  total: number;
}

export interface CombinationBreakdown {
  formula: string;
  aligned: boolean;
  alignmentWeight: number;
  unalignedMultiplier: number;
  multiplier: number;
}

export interface ScoreBreakdown {
  intrinsic: IntrinsicBreakdown;
  alignment: AlignmentBreakdown;
  combination: CombinationBreakdown;
  valueScore: number | null;
}

export interface ScoredItem {
  id: string;
  status: ScoringItemStatus;
  teamId: string | null;
  rank: number | null;
  effort: number | null;
  /** The item's links as given (the breakdown has the de-duplicated, resolved ones). */
  links: readonly ScoringLink[];
  intrinsic: number | null;
  alignment: number;
  valueScore: number | null;
  /** The live links, resolved: `breakdown.alignment.terms`. */
  terms: readonly AlignmentTerm[];
  breakdown: ScoreBreakdown;
  flags: readonly ItemFlag[];
}
