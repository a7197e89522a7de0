// Public API of the value-scoring engine (see docs/SCORING.md).
export { alignmentOf, ALIGNMENT_FORMULA } from './alignment';
export * from './breakdown.schemas';
export { buildScoringContext } from './context';
export type { KeyResultContext, ObjectiveContext, ScoringContext, ScoringStructure } from './context';
export { ESTIMATE_FIELDS, ESTIMATE_FIELD_RULES, isValidEstimate } from './estimate-fields';
export type { EstimateField, EstimateFieldRule } from './estimate-fields';
export type { EffortSource, WeightedLink } from './effort';
export { computeHeadline } from './headline';
export type { CycleHeadline, ObjectiveEffortShare } from './headline';
export { intrinsicScore } from './intrinsic';
export { flagItem } from './item-flags';
export type { RelativeFlagInputs } from './item-flags';
export { flagKeyResults } from './kr-flags';
export {
  computeLowValueThresholds,
  findRankInversions,
  isLowValueHighEffort,
  isOpenStatus,
  OPEN_STATUSES,
} from './population';
export type { LowValueThresholds, PopulationEntry, RankInversion } from './population';
export { expectedProgress } from './progress';
export { scoreBacklog, scoreBacklogInSlices, scoreItem } from './score-backlog';
export type { ScoreBacklogInput, ScoreBacklogResult } from './score-backlog';
export {
  CustomCriterionSchema,
  DEFAULT_SCORING_SETTINGS,
  SCORING_FRAMEWORKS,
  ScoringFrameworkSchema,
  ScoringSettingsSchema,
} from './settings';
export type { CustomCriterion, ScoringFramework, ScoringSettings } from './settings';
export type * from './types';
export { combineValue, evaluateItem } from './value';
export { ABSOLUTE_FLAG_BITS, FLAG_BITS, flagCodesOf, RELATIVE_FLAG_BITS, scoreLean } from './lean';
export type { LeanScoredItem } from './lean';
export { changedKeyResults, LiveBacklog, sameTrackRecords } from './live/live-backlog';
export { calibratedEstimates } from './calibration';
export type { ConfidenceCalibration } from './calibration';
export type { LiveFigures, LiveItemInput } from './live/live-backlog';
export { flagKeyResultsFromWork } from './kr-flags';
export type { KrWork } from './kr-flags';
export { headlineFromSums } from './headline';
export type { HeadlineSums } from './headline';
export { intrinsicValue } from './intrinsic';
export { valueFrom } from './value';
export { formatNumber, formatPercent, roundValueScore } from './format';
