import { z } from 'zod';
import { IdSchema, VersionSchema } from '../common/primitives';
import { COMMENT_SUBJECT_TYPES, type CommentSubject } from './comment-subject';

export const CommentSubjectTypeSchema = z.enum(COMMENT_SUBJECT_TYPES);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CommentSubjectParamSchema = z
  .string()
  .max(100)
  .transform((value, ctx): CommentSubject => {
    const [type, id, ...rest] = value.split(':');
    const parsedType = CommentSubjectTypeSchema.safeParse(type);
    if (!parsedType.success || !id || !UUID.test(id) || rest.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'Must be key_result:<id>, check_in:<id> or backlog_item:<id>',
      });
      return z.NEVER;
    }
    return { type: parsedType.data, id: id.toLowerCase() };
  });

/** Without `subject`: the newest comments anywhere (a feed of the latest discussion). */
export const CommentQuerySchema = z.strictObject({ subject: CommentSubjectParamSchema.optional() });
export const CreateCommentQuerySchema = z.strictObject({ subject: CommentSubjectParamSchema });

/** Plain text; links and `@name` mentions are found in it, nothing else is markup. */
export const CommentBodySchema = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(5000, 'At most 5,000 characters');

export const CreateCommentSchema = z.strictObject({ body: CommentBodySchema });
export type CreateCommentInput = z.infer<typeof CreateCommentSchema>;

export const UpdateCommentSchema = z.strictObject({ body: CommentBodySchema });
export type UpdateCommentInput = z.infer<typeof UpdateCommentSchema>;

export const CommentMentionSchema = z.object({ id: IdSchema, name: z.string() });
export type CommentMention = z.infer<typeof CommentMentionSchema>;

export const CommentSchema = z.object({
  id: IdSchema,
  subjectType: CommentSubjectTypeSchema,
  subjectId: IdSchema,
  /** The KR the comment belongs to: the subject itself, or the check-in's KR; null on a backlog item. */
  keyResultId: IdSchema.nullable(),
  body: z.string(),
  /** Null once the author's account is gone. */
  authorId: IdSchema.nullable(),
  authorName: z.string(),
  /** Members named with `@` in the body, resolved against the member directory when written. */
  mentions: z.array(CommentMentionSchema),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True once the body was changed after posting. */
  edited: z.boolean(),
});
export type Comment = z.infer<typeof CommentSchema>;
