import { z } from 'zod';
import { ObjectiveEffortShareSchema } from '../alignment/alignment.schemas';
import { IdSchema } from '../common/primitives';
import { GradeBandSchema } from '../cycles/lifecycle.schemas';
import { AT_RISK_REASONS, OKR_STATUSES } from '../key-results/status';
import { OutcomeHeadlineSchema } from '../outcomes/outcome.schemas';

export const OkrStatusSchema = z.enum(OKR_STATUSES);
export const AtRiskReasonSchema = z.enum(AT_RISK_REASONS);

export const DashboardQuerySchema = z.strictObject({
  /** Defaults to the active cycle. */
  cycleId: IdSchema.optional(),
  /** Only this team's objectives and backlog; the whole company when absent. */
  teamId: IdSchema.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DashboardKeyResultSchema = z.object({
  id: IdSchema,
  objectiveId: IdSchema,
  title: z.string(),
  metricType: z.string(),
  unit: z.string(),
  startValue: z.number(),
  targetValue: z.number(),
  currentValue: z.number(),
  weight: z.number(),
  /** Unclamped: may pass 1 or go below 0; only bars clamp. */
  progress: z.number(),
  /** Share of the cycle elapsed (0–1): where the pace line is today. */
  expectedProgress: z.number().nullable(),
  /** Latest check-in confidence 0–10; null before the first check-in. */
  confidence: z.number().int().nullable(),
  lastCheckInAt: z.string().nullable(),
  checkInDue: z.boolean(),
  status: OkrStatusSchema,
  /** Behind pace or confidence ≤ 4: listed first. */
  atRisk: z.boolean(),
  atRiskReasons: z.array(AtRiskReasonSchema),
  grade: z.number().nullable(),
  gradeBand: GradeBandSchema.nullable(),
  openItemCount: z.number().int(),
  carriedFromId: IdSchema.nullable(),
});
export type DashboardKeyResult = z.infer<typeof DashboardKeyResultSchema>;

export const DashboardObjectiveSchema = z.object({
  id: IdSchema,
  title: z.string(),
  parentId: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  weight: z.number(),
  /** Weighted mean of its KRs' progress (by KR weight); null without KRs. */
  progress: z.number().nullable(),
  expectedProgress: z.number().nullable(),
  /** Lowest latest confidence among its KRs (what the status reads). */
  worstConfidence: z.number().int().nullable(),
  /** Mean latest confidence of its checked-in KRs. */
  meanConfidence: z.number().nullable(),
  /** Weighted by KR weight, once every KR is graded. */
  grade: z.number().nullable(),
  gradeBand: GradeBandSchema.nullable(),
  /** Worst status among its checked-in KRs; 'no-check-in' when none has one. */
  status: OkrStatusSchema,
  /** The newest check-in note among its KRs: the owner's one-line update. */
  latestNote: z.object({ text: z.string(), at: z.string(), keyResultId: IdSchema }).nullable(),
  /** Its KRs, at risk first. */
  keyResultIds: z.array(IdSchema),
});
export type DashboardObjective = z.infer<typeof DashboardObjectiveSchema>;

export const TrendPointSchema = z.object({
  at: z.string(),
  value: z.number(),
  confidence: z.number().int(),
  note: z.string(),
});

/** One small multiple: the check-ins as a step line, with the target and the expected-pace line. */
export const KeyResultTrendSchema = z.object({
  keyResultId: IdSchema,
  title: z.string(),
  unit: z.string(),
  startValue: z.number(),
  targetValue: z.number(),
  /** Check-ins, oldest first. */
  points: z.array(TrendPointSchema),
  /** From the start value at the cycle's first day to the target at the end of its last day. */
  expectedLine: z.object({
    from: z.object({ at: z.string(), value: z.number() }),
    to: z.object({ at: z.string(), value: z.number() }),
  }),
});
export type KeyResultTrend = z.infer<typeof KeyResultTrendSchema>;

export const EffortShareSchema = ObjectiveEffortShareSchema;
export type EffortShare = z.infer<typeof EffortShareSchema>;

export const HEADLINE_REASONS = ['daily', 'check-in'] as const;
export const HeadlineReasonSchema = z.enum(HEADLINE_REASONS);
export type HeadlineReason = z.infer<typeof HeadlineReasonSchema>;

/** Recorded as it was at the time (daily and at every check-in), never recomputed. */
export const HeadlineHistoryPointSchema = z.object({
  recordedAt: z.string(),
  reason: HeadlineReasonSchema,
  misalignedEffortShare: z.number().nullable(),
  krCoverageShare: z.number().nullable(),
  openEffort: z.number(),
});
export type HeadlineHistoryPoint = z.infer<typeof HeadlineHistoryPointSchema>;

export const OutputWithoutOutcomeSchema = z.object({
  keyResultId: IdSchema,
  title: z.string(),
  /** Linked items that are not dropped. */
  linkedItems: z.number().int(),
  doneItems: z.number().int(),
  /** When the first of those done items was done. */
  doneSince: z.string(),
  progressThen: z.number(),
  progressNow: z.number(),
  message: z.string(),
});
export type OutputWithoutOutcome = z.infer<typeof OutputWithoutOutcomeSchema>;

export const DashboardSchema = z.object({
  cycle: z
    .object({ id: IdSchema, name: z.string(), status: z.string(), startsOn: z.string(), endsOn: z.string() })
    .nullable(),
  teamId: IdSchema.nullable(),
  /** "Data as of": when these figures were computed. */
  asOf: z.string(),
  checkInCadenceDays: z.number().int(),
  summary: z.object({
    objectives: z.number().int(),
    keyResults: z.number().int(),
    onTrack: z.number().int(),
    atRisk: z.number().int(),
    offTrack: z.number().int(),
    noCheckIn: z.number().int(),
    checkInsDue: z.number().int(),
  }),
  /** Worst status first, then as created. */
  objectives: z.array(DashboardObjectiveSchema),
  /** At risk first (off track before at risk), then the rest. */
  keyResults: z.array(DashboardKeyResultSchema),
  trends: z.array(KeyResultTrendSchema),
  effortShares: z.array(EffortShareSchema),
  headline: z
    .object({
      openEffort: z.number(),
      misalignedEffort: z.number(),
      misalignedEffortShare: z.number().nullable(),
      openItemsWithoutEffort: z.number().int(),
      krCoverage: z.object({ covered: z.number().int(), total: z.number().int(), share: z.number().nullable() }),
    })
    .nullable(),
  /** Oldest first. */
  headlineHistory: z.array(HeadlineHistoryPointSchema),
  /** Share of shipped work that moved a KR this quarter, with earlier quarters (docs/OUTCOMES.md); null without a quarter. */
  outcomes: OutcomeHeadlineSchema.nullable(),
  /** KRs behind or at risk with no open work behind them. */
  noWork: z.array(z.object({ keyResultId: IdSchema, title: z.string(), message: z.string() })),
  outputWithoutOutcome: z.array(OutputWithoutOutcomeSchema),
  checkInsDue: z.array(
    z.object({
      keyResultId: IdSchema,
      title: z.string(),
      objectiveId: IdSchema,
      lastCheckInAt: z.string().nullable(),
      dueSince: z.string(),
    }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
