import type { AlignmentReport } from '@keyline/shared';
import { formatNumber, formatPercent } from '../../../lib/format';
import { Definition } from './Definition';

/** The three headline figures, each with its definition and a way to the items behind it. */
export function HeadlineCards({ report }: { report: AlignmentReport }) {
  const headline = report.headline;
  const cycleName = report.cycle?.name ?? 'the active cycle';
  const coverage = headline?.krCoverage;
  return (
    <section aria-label="Headline figures" className="headline-cards">
      <article className="headline-card" aria-labelledby="card-misaligned">
        <h2 id="card-misaligned" className="headline-title">
          Misaligned effort
        </h2>
        <p className="headline-number" data-testid="misaligned-effort">
          {formatPercent(headline?.misalignedEffortShare)}
          {(headline?.misalignedEffortShare ?? null) === null && <span className="sr-only">No data</span>}
        </p>
        <p className="meta">
          {headline
            ? `${formatNumber(headline.misalignedEffort)} of ${formatNumber(headline.openEffort)} pts of open effort serve no key result`
            : 'No cycle to measure against'}
        </p>
        <Definition term="misaligned effort">
          Open effort on items with no link to a live key result of {cycleName}, divided by all open effort. Open means
          idea, ready or in progress; effort is each item's estimate in points.
          {headline &&
            headline.openItemsWithoutEffort > 0 &&
            ` ${formatNumber(headline.openItemsWithoutEffort)} open ${headline.openItemsWithoutEffort === 1 ? 'item has' : 'items have'} no effort estimate and ${headline.openItemsWithoutEffort === 1 ? 'is' : 'are'} left out.`}{' '}
          <a href="#flag-group-UNALIGNED">See the items with no key result</a>
        </Definition>
      </article>
      <article className="headline-card" aria-labelledby="card-coverage">
        <h2 id="card-coverage" className="headline-title">
          KR coverage
        </h2>
        <p className="headline-number" data-testid="kr-coverage">
          {coverage ? `${formatNumber(coverage.covered)} of ${formatNumber(coverage.total)}` : '—'}
        </p>
        <p className="meta">
          {coverage ? `${formatPercent(coverage.share)} of key results have open work` : 'No cycle to measure against'}
        </p>
        <Definition term="KR coverage">
          Key results of {cycleName} with at least one open backlog item linked to them, out of all its key results that
          are not deleted and not yet achieved. <a href="#no-work">See the key results with no work behind them</a>
        </Definition>
      </article>
      <article className="headline-card" aria-labelledby="card-flagged">
        <h2 id="card-flagged" className="headline-title">
          Flagged items
        </h2>
        <p className="headline-number" data-testid="flagged-items">
          {formatNumber(report.flaggedItems)}
        </p>
        <p className="meta">of {formatNumber(report.openItems)} open items</p>
        <Definition term="a flagged item">
          An open item carrying at least one flag: no key result, stale alignment, not scorable, low value for high
          effort, or ranked far above more valuable work. An item with several flags counts once.{' '}
          <a href="#flagged">Go to the flagged list</a>
        </Definition>
      </article>
    </section>
  );
}
