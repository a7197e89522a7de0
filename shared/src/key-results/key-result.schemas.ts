import { z } from 'zod';
import {
  DateTimeInputSchema,
  IdSchema,
  MetricValueSchema,
  TitleSchema,
  VersionSchema,
  WeightSchema,
} from '../common/primitives';
import { GradeBandSchema } from '../cycles/lifecycle.schemas';

export const METRIC_TYPES = ['number', 'percent', 'currency', 'milestone'] as const;
export const MetricTypeSchema = z.enum(METRIC_TYPES);
export type MetricType = z.infer<typeof MetricTypeSchema>;

export const KeyResultSchema = z.object({
  id: IdSchema,
  objectiveId: IdSchema,
  cycleId: IdSchema,
  title: z.string(),
  /** Short stable code shown beside the title; write-back labels issues `keyline-kr-<code>`. */
  code: z.string().nullable(),
  metricType: MetricTypeSchema,
  startValue: z.number(),
  targetValue: z.number(),
  currentValue: z.number(),
  unit: z.string(),
  weight: z.number(),
  ownerId: IdSchema.nullable(),
  /** (current − start) ÷ (target − start); may pass 1 or go below 0. */
  progress: z.number(),
  latestConfidence: z.number().int().nullable(),
  lastCheckInAt: z.string().nullable(),
  /** Open backlog items (idea, ready, in progress) linked to this KR. */
  openItemCount: z.number().int(),
  /** Quarter-end grade 0.0–1.0 (steps of 0.1); null until graded. */
  grade: z.number().nullable(),
  /** The retro note written with the grade ('' when none). */
  gradeNote: z.string(),
  gradedAt: z.string().nullable(),
  /** 0.7–1.0 green, 0.4–0.6 yellow, 0.0–0.3 red; null until graded. */
  gradeBand: GradeBandSchema.nullable(),
  /** clamp(progress, 0, 1) rounded to 0.1: what the grade form starts from. */
  suggestedGrade: z.number(),
  /** Set on a copy made when its cycle closed: the KR it continues. */
  carriedFromId: IdSchema.nullable(),
  /** Set on an original that was carried into the next cycle: its copy. */
  carriedToId: IdSchema.nullable(),
  /** Active cycle only: no check-in for the workspace's cadence (default 7 days). */
  checkInDue: z.boolean(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KeyResult = z.infer<typeof KeyResultSchema>;

const UnitSchema = z.string().trim().max(20, 'At most 20 characters');

const startDiffersFromTarget = (v: { startValue?: number; targetValue?: number }) =>
  v.startValue === undefined || v.targetValue === undefined || v.startValue !== v.targetValue;
const START_DIFFERS = { message: 'Target must differ from the start value', path: ['targetValue'] };

export const CreateKeyResultSchema = z
  .strictObject({
    objectiveId: IdSchema,
    title: TitleSchema,
    metricType: MetricTypeSchema.default('number'),
    startValue: MetricValueSchema.default(0),
    targetValue: MetricValueSchema,
    /** Defaults to the start value. */
    currentValue: MetricValueSchema.optional(),
    unit: UnitSchema.default(''),
    weight: WeightSchema.default(1),
    ownerId: IdSchema.nullable().default(null),
  })
  .refine(startDiffersFromTarget, START_DIFFERS);
export type CreateKeyResultInput = z.input<typeof CreateKeyResultSchema>;

export const UpdateKeyResultSchema = z
  .strictObject({
    title: TitleSchema.optional(),
    metricType: MetricTypeSchema.optional(),
    startValue: MetricValueSchema.optional(),
    targetValue: MetricValueSchema.optional(),
    currentValue: MetricValueSchema.optional(),
    unit: UnitSchema.optional(),
    weight: WeightSchema.optional(),
    ownerId: IdSchema.nullable().optional(),
  })
  .refine(startDiffersFromTarget, START_DIFFERS);
export type UpdateKeyResultInput = z.infer<typeof UpdateKeyResultSchema>;

export const KeyResultListQuerySchema = z.strictObject({
  objectiveId: IdSchema.optional(),
  cycleId: IdSchema.optional(),
});

export const CheckInSchema = z.object({
  id: IdSchema,
  keyResultId: IdSchema,
  value: z.number(),
  confidence: z.number().int(),
  note: z.string(),
  authorId: IdSchema.nullable(),
  authorName: z.string(),
  /** The moment the value is for (may be earlier than createdAt: recorded late). */
  at: z.string(),
  /** When it was entered. */
  createdAt: z.string(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

export const CreateCheckInSchema = z.strictObject({
  value: MetricValueSchema,
  confidence: z.number().int('Must be a whole number').min(0, 'At least 0').max(10, 'At most 10'),
  note: z.string().max(2000, 'At most 2,000 characters').default(''),
  /** The moment the value is for: within the KR's quarter and not in the future. Default: now. */
  at: DateTimeInputSchema.optional(),
});
export type CreateCheckInInput = z.input<typeof CreateCheckInSchema>;
