import type { CheckIn, Comment, KeyResult } from '@keyline/shared';
import { CheckInComments } from '../../comments/components/CheckInComments';
import { formatDateTime, formatMetric } from '../../../lib/format';
import { enteredLater, withDeltas } from '../utils/check-in-history';
import { formatDelta } from '../utils/format-kr';
import { ConfidenceBadge } from './ConfidenceBadge';

/**
 * Every check-in, newest first by the moment it is for (entered later says
 * so): who, when, the move and its delta, the judgement and the note, and
 * the comments that answer it.
 */
export function CheckInHistory({
  keyResult: kr,
  checkIns,
  comments,
}: {
  keyResult: KeyResult;
  checkIns: CheckIn[];
  /** The KR's thread; those on a check-in show under it. Undefined while loading. */
  comments: readonly Comment[] | undefined;
}) {
  const rows = withDeltas(checkIns, kr.startValue);
  const fmt = (v: number) => formatMetric(v, kr.unit, kr.metricType, { full: true });
  return (
    <section className="kr-section" aria-labelledby="history-title">
      <h2 id="history-title">Check-in history</h2>
      {rows.length === 0 ? (
        <p className="meta">No check-ins yet.</p>
      ) : (
        <ol className="history-list" data-testid="check-in-history">
          {rows.map((c) => (
            <li key={c.id} className="history-item">
              <div className="history-line">
                <span className="meta">
                  <time dateTime={c.at}>{formatDateTime(c.at)}</time> · {c.authorName}
                  {enteredLater(c) && (
                    <>
                      {' '}
                      · entered <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                    </>
                  )}
                </span>
                <ConfidenceBadge confidence={c.confidence} />
              </div>
              <div className="history-move num">
                {fmt(c.previousValue)} → <strong>{fmt(c.value)}</strong>{' '}
                <span className="meta">({formatDelta(c.delta, kr)})</span>
              </div>
              {c.note && <p className="history-note">{c.note}</p>}
              {comments && <CheckInComments checkInId={c.id} comments={comments} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
