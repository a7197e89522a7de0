import { useId, useState } from 'react';
import type { CommentSubject } from '@keyline/shared';
import { useCreateComment } from '../api/comments.api';
import { MentionTextarea } from './MentionTextarea';

/** Write a comment on one subject; the text stays if posting fails. */
export function CommentComposer({
  subject,
  label,
  autoFocus,
  onDone,
}: {
  subject: CommentSubject;
  /** e.g. "Comment on this key result" */
  label: string;
  autoFocus?: boolean;
  onDone?: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState('');
  const create = useCreateComment();
  const submit = () => {
    if (!body.trim() || create.isPending) return;
    create.mutate(
      { subject, body },
      {
        onSuccess: () => {
          setBody('');
          onDone?.();
        },
      },
    );
  };
  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <MentionTextarea
        id={id}
        label={label}
        value={body}
        onChange={setBody}
        onSubmit={submit}
        placeholder="Ask a question or @mention someone…"
        autoFocus={autoFocus}
      />
      {create.isError && (
        <p className="error-text" role="alert">
          Couldn’t post your comment: {create.error.message}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={!body.trim() || create.isPending}>
          {create.isPending ? 'Posting…' : 'Post comment'}
        </button>
        {onDone && (
          <button type="button" className="button ghost" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
