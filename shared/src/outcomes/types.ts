// Plain input and output shapes of the outcomes engine. Callers map their
// rows to these, so the engine never depends on TypeORM, HTTP or React.
import type { z } from 'zod';
import type { CalibrationBucketSchema, OutcomeSummarySchema } from './outcome.schemas';
import type { OutcomeSettings } from './settings';

export interface OutcomeCycle {
  id: string;
  /** 'YYYY-MM-DD', first day (UTC). */
  startsOn: string;
  /** 'YYYY-MM-DD', last day, inclusive (UTC). */
  endsOn: string;
}

export interface OutcomeCheckIn {
  /** ISO date-time the value is for (not when it was typed in). */
  at: string;
  value: number;
  /** When it was entered: breaks ties between check-ins for the same moment (the later entry wins). */
  recordedAt?: string;
}

export interface OutcomeKeyResult {
  id: string;
  cycleId: string;
  startValue: number;
  targetValue: number;
  /** In any order. */
  checkIns: readonly OutcomeCheckIn[];
}

export interface OutcomeLink {
  keyResultId: string;
  /** Contribution strength 1–3. */
  strength: number;
}

export interface OutcomeItem {
  id: string;
  teamId: string | null;
  status: string;
  /** When it became done (ISO date-time); only done items with a doneAt are measured. */
  doneAt: string | null;
  effort: number | null;
  impact: number | null;
  /** Stated confidence, 0–1. */
  confidence: number | null;
  links: readonly OutcomeLink[];
}

export interface MeasureOutcomesInput {
  cycles: readonly OutcomeCycle[];
  keyResults: readonly OutcomeKeyResult[];
  items: readonly OutcomeItem[];
  settings: OutcomeSettings;
  /** The moment the report is for: check-ins after it are ignored. */
  asOf: string | Date;
}

/** One (item, KR) pair. Movement figures are shares of the KR's range, signed towards its target. */
export interface LinkOutcome {
  keyResultId: string;
  strength: number;
  /** 'waiting': no check-in since the item was done, so nothing can be said yet. */
  state: 'measured' | 'waiting';
  /** The window has not passed: measured up to the latest check-in instead. */
  provisional: boolean;
  /** The KR's value when the item was done (interpolated between check-ins, else the start value). */
  valueAtDone: number;
  /** The end of what was measured: doneAt + window, or the latest check-in when provisional. */
  measuredUntil: string | null;
  valueAfter: number | null;
  /** (valueAfter − valueAtDone) ÷ (target − start). */
  movement: number | null;
  /** Share of range per week over the window before the item was done (0 when there is no earlier check-in). */
  paceBefore: number | null;
  /** Share of range per week after it. */
  paceAfter: number | null;
  /** movement − paceBefore × the time measured: what the KR gained beyond its earlier pace. */
  lift: number | null;
  /** lift > noiseThreshold. */
  moved: boolean;
  /** Other items done on the same KR within one window of this one (ids, sorted). */
  sharedWith: readonly string[];
  /** This link's strength ÷ the strengths of every item sharing the window (itself included). */
  creditShare: number;
  /** lift × creditShare: the movement this item is credited with. */
  credit: number | null;
}

export type ItemOutcomeState = 'moved' | 'not-moved' | 'waiting';

/** One done item's outcome within one cycle (an item is measured per cycle of the KRs it links to). */
export interface ItemOutcome {
  itemId: string;
  cycleId: string;
  teamId: string | null;
  doneAt: string;
  effort: number | null;
  /** impact × confidence, the item's prediction; null when either is missing. */
  predicted: number | null;
  /** moved: at least one KR moved beyond noise; waiting: no KR has a check-in since. */
  state: ItemOutcomeState;
  provisional: boolean;
  /** Σ credit over its measured links; null while waiting. */
  credit: number | null;
  /** credit ÷ effort; null without effort or while waiting. */
  creditPerPoint: number | null;
  links: readonly LinkOutcome[];
}

/** The figures' shapes are the API's (outcome.schemas.ts): one definition for engine, server and client. */
export type CalibrationBucket = z.infer<typeof CalibrationBucketSchema>;
export type OutcomeSummary = z.infer<typeof OutcomeSummarySchema>;
export type Calibration = OutcomeSummary['calibration'];

/** Settled history of a team (judged items whose window has passed), for calibrated confidence. */
export interface TrackRecord {
  hits: number;
  judged: number;
}

export interface OutcomeReport {
  asOf: string;
  settings: OutcomeSettings;
  /** Newest first (doneAt desc, then item id, then cycle id). */
  items: readonly ItemOutcome[];
  /** Per cycle, all teams: cycles in start order. */
  byCycle: readonly { cycleId: string; summary: OutcomeSummary }[];
  /** Per team (null = no team), teams in id order with null last: all cycles, then each cycle. */
  byTeam: readonly {
    teamId: string | null;
    overall: OutcomeSummary;
    byCycle: readonly { cycleId: string; summary: OutcomeSummary }[];
  }[];
  overall: OutcomeSummary;
}
