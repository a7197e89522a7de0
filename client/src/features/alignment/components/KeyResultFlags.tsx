import type { AlignmentReport } from '@keyline/shared';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { BacklogPage } from '../../backlog/api/types';
import { formatNumber } from '../../../lib/format';
import { backlogItemPageQuery } from '../../backlog/api/backlog-items.api';
import { unlinkedCountQuery } from '../api/alignment.api';
import { searchWordsFor, unlinkedBacklogHref } from '../utils/search-words';

type KrFlag = AlignmentReport['keyResultFlags'][number];

/**
 * Links to the untagged backlog searched for the title word that finds the
 * most untagged items, so "go find work for this KR" starts from candidates.
 */
function FindWorkLink({ flag }: { flag: KrFlag }) {
  const words = searchWordsFor(flag.title);
  const counts = useQueries({
    queries: words.map((word) => ({
      ...backlogItemPageQuery(unlinkedCountQuery(word)),
      select: (page: BacklogPage) => page.total,
      staleTime: 30_000,
    })),
  });
  const found = words.reduce<{ word: string; count: number } | null>((best, word, i) => {
    const count = counts[i]?.data ?? 0;
    return count > 0 && (best === null || count > best.count) ? { word, count } : best;
  }, null);
  if (found) {
    return (
      <Link to={unlinkedBacklogHref(found.word)}>
        {formatNumber(found.count)} untagged {found.count === 1 ? 'item mentions' : 'items mention'} “{found.word}”
      </Link>
    );
  }
  return <Link to={unlinkedBacklogHref(null)}>Browse the untagged backlog</Link>;
}

/** Goals with no work behind them, and goals whose effort is out of proportion to their weight. */
export function KeyResultFlags({ report }: { report: AlignmentReport }) {
  const noWork = report.keyResultFlags.filter((f) => f.code === 'NO_WORK');
  const mismatch = report.keyResultFlags.filter((f) => f.code === 'EFFORT_MISMATCH');
  return (
    <section id="no-work" aria-labelledby="no-work-heading" className="panel" tabIndex={-1}>
      <h2 id="no-work-heading">Key results with no work behind them</h2>
      {noWork.length === 0 ? (
        <p>Every key result that is behind or at risk has open work linked to it.</p>
      ) : (
        <ul className="kr-flag-list" data-testid="no-work-list">
          {noWork.map((f) => (
            <li key={f.keyResultId}>
              <Link to={`/key-results/${f.keyResultId}`} className="kr-flag-title">
                {f.title}
              </Link>
              <p className="flag-reason">{f.message}</p>
              <FindWorkLink flag={f} />
            </li>
          ))}
        </ul>
      )}
      {mismatch.length > 0 && (
        <>
          <h3>Effort out of proportion to weight</h3>
          <ul className="kr-flag-list">
            {mismatch.map((f) => (
              <li key={f.keyResultId}>
                <Link to={`/key-results/${f.keyResultId}`} className="kr-flag-title">
                  {f.title}
                </Link>
                <p className="flag-reason">{f.message}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
