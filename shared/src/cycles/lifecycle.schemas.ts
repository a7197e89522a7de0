import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../common/primitives';
import { CycleSchema } from './cycle.schemas';
import { DEFAULT_CHECK_IN_CADENCE_DAYS } from './cadence';
import { GRADE_BANDS, isGradeStep } from './grading';

export const GradeBandSchema = z.enum(GRADE_BANDS);

/** 0.0–1.0 in steps of 0.1. */
export const GradeSchema = z
  .number({ message: 'Must be a number' })
  .min(0, 'At least 0')
  .max(1, 'At most 1')
  .refine(isGradeStep, 'Must be a multiple of 0.1 (0.0, 0.1, … 1.0)');

/**
 * `PUT /api/key-results/:id/grade` with If-Match on the KR version. Allowed
 * while the cycle is active or closed. `grade: null` clears the grade.
 */
export const GradeKeyResultSchema = z.strictObject({
  grade: GradeSchema.nullable(),
  /** The retro note: what happened and what we learned. */
  note: z.string().max(2000, 'At most 2,000 characters').default(''),
});
export type GradeKeyResultInput = z.input<typeof GradeKeyResultSchema>;

const CycleNameSchema = z.string().trim().min(1, 'Required').max(50, 'At most 50 characters');

export const NewCycleSchema = z
  .strictObject({ name: CycleNameSchema, startsOn: IsoDateSchema, endsOn: IsoDateSchema })
  .refine((v) => v.endsOn > v.startsOn, { message: 'Must end after it starts', path: ['endsOn'] });
export type NewCycleInput = z.infer<typeof NewCycleSchema>;

/**
 * `POST /api/cycles/:id/close` with If-Match on the cycle version: one
 * transaction that (optionally) creates the next cycle, carries the chosen
 * KRs and their open backlog links into it, closes this cycle, and makes the
 * next one active when no cycle is active any more.
 */
export const CloseCycleSchema = z
  .strictObject({
    /** An existing planning or active cycle to carry into. */
    nextCycleId: IdSchema.optional(),
    /** Or create the next cycle in the same transaction. */
    nextCycle: NewCycleSchema.optional(),
    carryOverKeyResultIds: z
      .array(IdSchema)
      .max(500, 'At most 500 key results')
      .refine((ids) => new Set(ids).size === ids.length, 'Each key result may be listed once')
      .default([]),
  })
  .refine((v) => !(v.nextCycleId && v.nextCycle), {
    message: 'Give nextCycleId or nextCycle, not both',
    path: ['nextCycle'],
  })
  .refine((v) => v.carryOverKeyResultIds.length === 0 || v.nextCycleId || v.nextCycle, {
    message: 'Carrying key results over needs a next cycle (nextCycleId or nextCycle)',
    path: ['carryOverKeyResultIds'],
  });
export type CloseCycleInput = z.input<typeof CloseCycleSchema>;

export const CarriedKeyResultSchema = z.object({
  /** The original, kept in the closed cycle and marked carriedToId. */
  fromKeyResultId: IdSchema,
  /** The copy in the next cycle, marked carriedFromId. */
  toKeyResultId: IdSchema,
  fromObjectiveId: IdSchema,
  toObjectiveId: IdSchema,
  /** Open backlog items whose link moved from the original to the copy. */
  movedItemIds: z.array(IdSchema),
});
export type CarriedKeyResult = z.infer<typeof CarriedKeyResultSchema>;

export const CloseCycleResultSchema = z.object({
  closedCycle: CycleSchema,
  /** The cycle carried into (created or chosen); null when none was given. */
  nextCycle: CycleSchema.nullable(),
  /** Whether the close made nextCycle the active cycle. */
  nextCycleActivated: z.boolean(),
  carried: z.array(CarriedKeyResultSchema),
  /** Objective id in the closed cycle → its copy in the next cycle (carried KRs' objectives and their ancestors). */
  copiedObjectives: z.record(z.string(), IdSchema),
});
export type CloseCycleResult = z.infer<typeof CloseCycleResultSchema>;

/** Workspace lifecycle settings: `GET|PUT /api/settings/lifecycle` (PUT is admin, with If-Match). */
export const LifecycleSettingsSchema = z.strictObject({
  /** A KR with no check-in for this many days is "check-in due". */
  checkInCadenceDays: z.number().int('Whole days').min(1, 'At least 1 day').max(90, 'At most 90 days'),
});
export type LifecycleSettings = z.infer<typeof LifecycleSettingsSchema>;

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = Object.freeze({
  checkInCadenceDays: DEFAULT_CHECK_IN_CADENCE_DAYS,
});

export const VersionedLifecycleSettingsSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  settings: LifecycleSettingsSchema,
});
export type VersionedLifecycleSettings = z.infer<typeof VersionedLifecycleSettingsSchema>;
