import { z } from 'zod';
import { DescriptionSchema, IdSchema, TitleSchema, VersionSchema, WeightSchema } from '../common/primitives';

export const ObjectiveSchema = z.object({
  id: IdSchema,
  cycleId: IdSchema,
  title: z.string(),
  description: z.string(),
  teamId: IdSchema.nullable(),
  parentId: IdSchema.nullable(),
  ownerId: IdSchema.nullable(),
  weight: z.number(),
  /** Weighted mean of its key results' progress (0–1, unclamped); null with no key results. */
  progress: z.number().nullable(),
  /** Its KRs' grades weighted by KR weight, once every KR is graded; null before. */
  grade: z.number().nullable(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const CreateObjectiveSchema = z.strictObject({
  cycleId: IdSchema,
  title: TitleSchema,
  description: DescriptionSchema.default(''),
  teamId: IdSchema.nullable().default(null),
  parentId: IdSchema.nullable().default(null),
  ownerId: IdSchema.nullable().default(null),
  weight: WeightSchema.default(1),
});
export type CreateObjectiveInput = z.input<typeof CreateObjectiveSchema>;

export const UpdateObjectiveSchema = z.strictObject({
  title: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  teamId: IdSchema.nullable().optional(),
  parentId: IdSchema.nullable().optional(),
  ownerId: IdSchema.nullable().optional(),
  weight: WeightSchema.optional(),
});
export type UpdateObjectiveInput = z.infer<typeof UpdateObjectiveSchema>;

export const ObjectiveListQuerySchema = z.strictObject({
  cycleId: IdSchema.optional(),
  teamId: IdSchema.optional(),
});
