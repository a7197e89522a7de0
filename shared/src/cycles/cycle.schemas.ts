import { z } from 'zod';
import { IdSchema, IsoDateSchema, VersionSchema } from '../common/primitives';

export const CYCLE_STATUSES = ['planning', 'active', 'closed'] as const;
export const CycleStatusSchema = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof CycleStatusSchema>;

export const CycleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: CycleStatusSchema,
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cycle = z.infer<typeof CycleSchema>;

const CycleNameSchema = z.string().trim().min(1, 'Required').max(50, 'At most 50 characters');

function endsAfterStart(value: { startsOn?: string; endsOn?: string }): boolean {
  return !value.startsOn || !value.endsOn || value.endsOn > value.startsOn;
}
const ENDS_AFTER_START = { message: 'Must end after it starts', path: ['endsOn'] };

export const CreateCycleSchema = z
  .strictObject({
    name: CycleNameSchema,
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    status: CycleStatusSchema.default('planning'),
  })
  .refine(endsAfterStart, ENDS_AFTER_START);
export type CreateCycleInput = z.input<typeof CreateCycleSchema>;

export const UpdateCycleSchema = z
  .strictObject({
    name: CycleNameSchema.optional(),
    startsOn: IsoDateSchema.optional(),
    endsOn: IsoDateSchema.optional(),
    status: CycleStatusSchema.optional(),
  })
  .refine(endsAfterStart, ENDS_AFTER_START);
export type UpdateCycleInput = z.infer<typeof UpdateCycleSchema>;

/** Suggests the name of the quarter a day falls in, e.g. `2026-Q4`. */
export function quarterName(day: Date): string {
  return `${day.getUTCFullYear()}-Q${Math.floor(day.getUTCMonth() / 3) + 1}`;
}
