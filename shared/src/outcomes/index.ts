// Public API of the outcomes engine (see docs/OUTCOMES.md).
export { calibrateConfidence } from './calibration';
export type { CalibratedConfidence } from './calibration';
export { cycleSpan, measureOutcomes } from './measure';
export { bucketOf, buildOutcomeReport, CALIBRATION_EDGES, summarizeOutcomes, trackRecords } from './report';
export { buildSeries, lastIndexAtOrBefore, valueAt } from './series';
export type { SeriesPoint } from './series';
export { DEFAULT_OUTCOME_SETTINGS, OutcomeSettingsSchema } from './settings';
export type { OutcomeSettings } from './settings';
export { averageRanks, CORRELATION_NOTE, median, sampleNote, spearman, TOO_FEW_BELOW } from './stats';
export type * from './types';
export * from './outcome.schemas';
