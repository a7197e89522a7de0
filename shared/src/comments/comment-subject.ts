/**
 * What a comment is about: a key result, one of its check-ins, or a backlog
 * item. The same names as the `comment.created` webhook payload. Zod-free, so
 * the client's query keys (loaded with the sign-in screen) can use it.
 */
export const COMMENT_SUBJECT_TYPES = ['key_result', 'check_in', 'backlog_item'] as const;
export type CommentSubjectType = (typeof COMMENT_SUBJECT_TYPES)[number];

export interface CommentSubject {
  type: CommentSubjectType;
  id: string;
}

/** `subject=key_result:<id>` as text: the query parameter of `/api/comments`. */
export const formatCommentSubject = (subject: CommentSubject) => `${subject.type}:${subject.id}`;
