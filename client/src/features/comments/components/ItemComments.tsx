import { useComments } from '../api/comments.api';
import { CommentThread } from './CommentThread';

/** The discussion of one backlog item, in its detail panel. */
export function ItemComments({ itemId }: { itemId: string }) {
  const comments = useComments({ type: 'backlog_item', id: itemId });
  return (
    <section className="bl-panel-section" aria-labelledby="bl-comments-title">
      <h3 id="bl-comments-title">Discussion</h3>
      <CommentThread
        subject={{ type: 'backlog_item', id: itemId }}
        comments={comments.data}
        loading={comments.isPending}
        error={comments.error}
        composerLabel="Comment on this item"
      />
    </section>
  );
}
