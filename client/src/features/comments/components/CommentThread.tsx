import type { Comment, CommentSubject } from '@keyline/shared';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import '../comments.css';

/** Comments, oldest first; empty says so. */
export function CommentList({ comments, label }: { comments: readonly Comment[]; label: string }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-list" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} />
      ))}
    </ol>
  );
}

/** A whole discussion on one subject: the comments and a box to add one. Everyone signed in may comment. */
export function CommentThread({
  subject,
  comments,
  loading,
  error,
  composerLabel,
}: {
  subject: CommentSubject;
  comments: readonly Comment[] | undefined;
  loading: boolean;
  error: Error | null;
  composerLabel: string;
}) {
  return (
    <div className="comment-thread">
      {error ? (
        <p className="meta" role="alert">
          Couldn’t load the comments: {error.message}
        </p>
      ) : loading || !comments ? (
        <p className="meta" role="status">
          Loading comments…
        </p>
      ) : comments.length === 0 ? (
        <p className="meta">No comments yet. Ask a question, or @mention someone to bring them in.</p>
      ) : (
        <CommentList comments={comments} label="Comments" />
      )}
      <CommentComposer subject={subject} label={composerLabel} />
    </div>
  );
}
