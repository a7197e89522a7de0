import type { AuditEvent } from '@keyline/shared';
import { formatDateTime } from '../../../lib/format';
import { describeCommentEvent } from '../../comments/utils/comment-audit';
import { describeKeyResultEvent } from '../utils/audit-sentences';

/** Who changed what and when, newest first, as sentences: the KR's own changes and its comments. */
export function AuditTrail({ events, total }: { events: AuditEvent[]; total: number }) {
  return (
    <section className="kr-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit trail</h2>
      {events.length === 0 ? (
        <p className="meta">No changes recorded yet.</p>
      ) : (
        <ol className="audit-list" data-testid="audit-trail">
          {events.map((e) => (
            <li key={e.id}>
              <strong>{e.actorName}</strong>{' '}
              {e.entity === 'comment' ? describeCommentEvent(e) : describeKeyResultEvent(e)}{' '}
              <span className="meta">
                · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {total > events.length && (
        <p className="meta">
          Showing the newest {events.length} of {total} changes.
        </p>
      )}
    </section>
  );
}
