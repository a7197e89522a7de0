import { useState } from 'react';
import type { Comment } from '@keyline/shared';
import { CommentComposer } from './CommentComposer';
import { CommentList } from './CommentThread';

/** The comments that answer one check-in, shown under it, and a button to add one. */
export function CheckInComments({ checkInId, comments }: { checkInId: string; comments: readonly Comment[] }) {
  const [writing, setWriting] = useState(false);
  const mine = comments.filter((c) => c.subjectType === 'check_in' && c.subjectId === checkInId);
  return (
    <div className="check-in-comments">
      <CommentList comments={mine} label="Comments on this check-in" />
      {writing ? (
        <CommentComposer
          subject={{ type: 'check_in', id: checkInId }}
          label="Comment on this check-in"
          autoFocus
          onDone={() => setWriting(false)}
        />
      ) : (
        <button type="button" className="button ghost small" onClick={() => setWriting(true)}>
          {mine.length > 0 ? 'Reply' : 'Comment'}
        </button>
      )}
    </div>
  );
}
