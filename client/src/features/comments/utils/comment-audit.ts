import type { AuditEvent } from '@keyline/shared';

interface CommentSnapshot {
  body?: string;
  subjectType?: string;
  authorName?: string;
}

const EXCERPT = 80;

function excerpt(body: string | undefined): string {
  const text = (body ?? '').replace(/\s+/g, ' ').trim();
  return `“${text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text}”`;
}

/** A comment's audit entry as a sentence without its subject, e.g. "commented on a check-in: “Why the dip?”". */
export function describeCommentEvent(event: Pick<AuditEvent, 'action' | 'before' | 'after'>): string {
  const after = (event.after ?? {}) as CommentSnapshot;
  const before = (event.before ?? {}) as CommentSnapshot;
  const where = (after.subjectType ?? before.subjectType) === 'check_in' ? ' on a check-in' : '';
  switch (event.action) {
    case 'create':
      return `commented${where}: ${excerpt(after.body)}`;
    case 'update':
      return `edited a comment${where}: ${excerpt(before.body)} → ${excerpt(after.body)}`;
    case 'delete':
      return `deleted ${before.authorName ? `${before.authorName}’s` : 'a'} comment${where}: ${excerpt(before.body)}`;
  }
}
