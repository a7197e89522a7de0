import { commentSegments, type Comment } from '@keyline/shared';

/** The comment's plain text with its links and resolved mentions; never HTML from the text. */
export function CommentBody({ comment }: { comment: Pick<Comment, 'body' | 'mentions'> }) {
  return (
    <p className="comment-body">
      {commentSegments(comment.body, comment.mentions).map((segment, i) => {
        if (segment.type === 'link')
          return (
            <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
              {segment.text}
            </a>
          );
        if (segment.type === 'mention')
          return (
            <strong key={i} className="comment-mention">
              {segment.text}
            </strong>
          );
        return <span key={i}>{segment.text}</span>;
      })}
    </p>
  );
}
