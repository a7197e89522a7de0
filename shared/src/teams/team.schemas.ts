import { z } from 'zod';
import { IdSchema, NameSchema, VersionSchema } from '../common/primitives';

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof TeamSchema>;

export const CreateTeamSchema = z.strictObject({ name: NameSchema });
export type CreateTeamInput = z.infer<typeof CreateTeamSchema>;

export const UpdateTeamSchema = z.strictObject({ name: NameSchema.optional() });
export type UpdateTeamInput = z.infer<typeof UpdateTeamSchema>;
