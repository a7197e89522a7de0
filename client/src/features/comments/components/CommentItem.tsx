import { useEffect, useId, useRef, useState } from 'react';
import type { Comment } from '@keyline/shared';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../auth/useSession';
import { useDeleteComment, useUpdateComment } from '../api/comments.api';
import { CommentBody } from './CommentBody';
import { MentionTextarea } from './MentionTextarea';
import { isVersionConflict } from '../../../lib/errors';

function failure(error: unknown, doing: string): string {
  if (isVersionConflict(error))
    return `Someone changed this comment meanwhile, so it wasn’t ${doing}. The current text is shown; try again.`;
  return `Couldn’t ${doing === 'saved' ? 'save' : 'delete'} the comment: ${(error as Error).message}`;
}

/** One comment: who, when, the text; its author or an admin edits (If-Match) or deletes it. */
export function CommentItem({ comment }: { comment: Comment }) {
  const session = useSession();
  const me = session.data;
  const mayChange = Boolean(me && (me.role === 'admin' || me.id === comment.authorId));
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(comment.body);
  const update = useUpdateComment();
  const remove = useDeleteComment();
  const editId = useId();
  const ref = useRef<HTMLLIElement>(null);
  const anchor = `comment-${comment.id}`;

  // Links in messages point at #comment-<id>: bring that comment into view once it is loaded.
  useEffect(() => {
    if (window.location.hash === `#${anchor}`) ref.current?.scrollIntoView({ block: 'center' });
  }, [anchor]);

  const save = () => {
    if (!draft.trim()) return;
    update.mutate({ id: comment.id, version: comment.version, body: draft }, { onSuccess: () => setMode('view') });
  };

  return (
    <li id={anchor} ref={ref} className="comment" data-testid="comment">
      <div className="comment-head">
        <strong>{comment.authorName}</strong>
        <span className="meta">
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
          {comment.edited && ' · edited'}
        </span>
      </div>
      {mode === 'edit' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <MentionTextarea
            id={editId}
            label="Edit your comment"
            value={draft}
            onChange={setDraft}
            onSubmit={save}
            autoFocus
          />
          {update.isError && (
            <p className="error-text" role="alert">
              {failure(update.error, 'saved')}
            </p>
          )}
          <div className="row-actions">
            <button type="submit" className="button primary" disabled={!draft.trim() || update.isPending}>
              Save
            </button>
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                setDraft(comment.body);
                update.reset();
                setMode('view');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <CommentBody comment={comment} />
      )}
      {remove.isError && (
        <p className="error-text" role="alert">
          {failure(remove.error, 'deleted')}
        </p>
      )}
      {mayChange && mode === 'view' && (
        <div className="comment-actions">
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setDraft(comment.body);
              setMode('edit');
            }}
          >
            Edit
          </button>
          <button type="button" className="button ghost small" onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className="comment-actions" role="group" aria-label="Delete this comment?">
          <span>Delete this comment?</span>
          <button
            type="button"
            className="button danger small"
            autoFocus
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate({ id: comment.id, version: comment.version }, { onSettled: () => setMode('view') })
            }
          >
            Delete
          </button>
          <button type="button" className="button ghost small" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}
