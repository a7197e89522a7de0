import { lazy, Suspense, useMemo, useState } from 'react';
import type { Dashboard, DashboardKeyResult } from '@keyline/shared';
import { formatDay, formatPercent } from '../../../lib/format';
import { ConfidenceBadge } from '../../key-results/components/ConfidenceBadge';
import { STATUS_BAND } from '../../key-results/utils/confidence';
import { buildTrendModels } from '../utils/trend-model';

const TrendChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.TrendChart })));

/**
 * KR trends as small multiples (docs/UI.md, "Charts"): % of target on identical axes, at
 * risk first, each with a sentence as its text alternative, and the whole
 * set available as a table.
 */
export function TrendSection({ dashboard, now }: { dashboard: Dashboard; now: Date }) {
  const [asTable, setAsTable] = useState(false);
  const { axes, charts } = useMemo(() => buildTrendModels(dashboard, now), [dashboard, now]);
  const krById = useMemo(() => new Map(dashboard.keyResults.map((kr) => [kr.id, kr])), [dashboard.keyResults]);
  return (
    <section className="dash-section" aria-labelledby="dash-trends">
      <div className="dash-section-head">
        <h2 id="dash-trends">Key result trends</h2>
        {charts.length > 0 && (
          <button
            type="button"
            className="button small dash-screen-only"
            onClick={() => setAsTable((t) => !t)}
            aria-pressed={asTable}
          >
            {asTable ? 'View as charts' : 'View as table'}
          </button>
        )}
      </div>
      {charts.length === 0 ? (
        <p>No key results in this quarter yet.</p>
      ) : asTable ? (
        <TrendTable
          keyResults={charts
            .map((c) => krById.get(c.keyResultId))
            .filter((kr): kr is DashboardKeyResult => kr !== undefined)}
        />
      ) : (
        <>
          <p className="meta">
            Each chart shows % of target on the same scale.{' '}
            <span className="key-swatch key-series" aria-hidden="true" /> progress (steps at each check-in) ·{' '}
            <span className="key-swatch key-target" aria-hidden="true" /> target 100% ·{' '}
            <span className="key-swatch key-pace" aria-hidden="true" /> expected pace ·{' '}
            <span className="key-swatch key-today" aria-hidden="true" /> today.
          </p>
          <ul className="dash-multiples">
            {charts.map((chart) => {
              const kr = krById.get(chart.keyResultId);
              return (
                <li key={chart.keyResultId} className="dash-card dash-multiple">
                  <figure aria-label={chart.sentence} data-testid="kr-trend">
                    <figcaption className="dash-multiple-head">
                      <span className="dash-multiple-title">{chart.title}</span>
                      <span className="dash-multiple-figure num">
                        {chart.latest === null ? 'No check-in' : formatPercent(chart.latest)}
                      </span>
                      {kr && (
                        <ConfidenceBadge confidence={kr.confidence} band={STATUS_BAND[kr.status]} showScore={false} />
                      )}
                    </figcaption>
                    <Suspense fallback={<div className="dash-chart-loading meta">Loading chart…</div>}>
                      <TrendChart chart={chart} axes={axes} />
                    </Suspense>
                  </figure>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function TrendTable({ keyResults }: { keyResults: DashboardKeyResult[] }) {
  return (
    <table className="dash-table">
      <caption className="sr-only">Key results, at risk first</caption>
      <thead>
        <tr>
          <th scope="col">Key result</th>
          <th scope="col" className="num">
            % of target
          </th>
          <th scope="col" className="num">
            Pace expects
          </th>
          <th scope="col">Status</th>
          <th scope="col">Last check-in</th>
        </tr>
      </thead>
      <tbody>
        {keyResults.map((kr) => (
          <tr key={kr.id}>
            <th scope="row">{kr.title}</th>
            <td className="num">{kr.lastCheckInAt === null ? 'No check-in' : formatPercent(kr.progress)}</td>
            <td className="num">{formatPercent(kr.expectedProgress)}</td>
            <td>
              <ConfidenceBadge confidence={kr.confidence} band={STATUS_BAND[kr.status]} />
            </td>
            <td>{kr.lastCheckInAt === null ? 'Never' : formatDay(kr.lastCheckInAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
