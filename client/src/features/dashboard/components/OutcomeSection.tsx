import type { OutcomeHeadline } from '@keyline/shared';
import { Link } from 'react-router';
import { formatPercent } from '../../../lib/format';
import { outcomeHeadlineSentence } from '../utils/outcome-headline';

const width = (share: number | null) => `${Math.min(100, Math.max(0, (share ?? 0) * 100))}%`;

/**
 * Share of shipped work that moved a key result, quarter by quarter up to
 * this one: did the work pay off, and is that getting better. A table with
 * bars, so the trend reads the same to a screen reader (docs/OUTCOMES.md).
 */
export function OutcomeSection({ headline, linked }: { headline: OutcomeHeadline; linked: boolean }) {
  const sentence = outcomeHeadlineSentence(headline);
  return (
    <section className="dash-section dash-card" aria-labelledby="dash-outcomes">
      <h2 id="dash-outcomes">Shipped work that moved a key result</h2>
      <p data-testid="outcome-sentence">{sentence}</p>
      {headline.trend.length > 0 && (
        <table className="effort-table dash-outcome-table">
          <caption className="sr-only">
            Share of shipped work that moved a key result, per quarter, oldest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="effort-bar-col">
                <span className="sr-only">Bar</span>
              </th>
              <th scope="col" className="num">
                Moved a KR
              </th>
              <th scope="col" className="num">
                Judged items
              </th>
            </tr>
          </thead>
          <tbody>
            {headline.trend.map((t) => (
              <tr key={t.cycleId} aria-current={t.cycleId === headline.cycleId ? 'true' : undefined}>
                <th scope="row">
                  {t.name}
                  {t.cycleId === headline.cycleId && <span className="meta"> (this quarter)</span>}
                </th>
                <td className="effort-bar-col" aria-hidden="true">
                  <span className="effort-track">
                    <span className="effort-fill" style={{ width: width(t.hitRate) }} />
                  </span>
                </td>
                <td className="num">
                  {t.hitRate === null ? <span title="No data">—</span> : formatPercent(t.hitRate)}
                </td>
                <td className="num">{t.judged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="meta">
        {headline.note} An item counts once its key result gained more than its earlier pace and the check-in noise
        within the outcome window.
        {linked && (
          <>
            {' '}
            <Link to={`/outcomes?cycle=${headline.cycleId}`}>See the outcomes</Link>
          </>
        )}
      </p>
    </section>
  );
}
