// Plain input and output shapes of the scoring engine. Callers map their
// entities to these, so the engine never depends on TypeORM, HTTP or React.
import type { AlignmentTerm, ItemFlag, ScoreBreakdown } from './breakdown.schemas';

export type {
  AlignmentBreakdown,
  AlignmentTerm,
  CombinationBreakdown,
  IgnoredLink,
  IgnoredLinkReason,
  IntrinsicBreakdown,
  IntrinsicTerm,
  ItemFlag,
  ItemFlagCode,
  KrFlag,
  KrFlagCode,
  KrWeighting,
  ScoreBreakdown,
} from './breakdown.schemas';

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
