import type { OutcomeSummaryDto } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';

/** A hit rate as a bar on a track, the percent and its counts; the small-sample note instead of a verdict. */
export function HitRateBar({
  summary: s,
}: {
  summary: Pick<OutcomeSummaryDto, 'hitRate' | 'hits' | 'judged' | 'tooFew'>;
}) {
  if (s.hitRate === null) return <span className="meta">Nothing judged yet</span>;
  return (
    <span className="hit-bar">
      <span className="hit-track" aria-hidden="true">
        <span className="hit-fill" style={{ width: `${Math.round(s.hitRate * 100)}%` }} />
      </span>
      <span className="num">
        {formatPercent(s.hitRate)}{' '}
        <span className="meta">
          ({s.hits} of {s.judged})
        </span>
      </span>
      {s.tooFew && <span className="outcome-caveat"> too few to judge</span>}
    </span>
  );
}
