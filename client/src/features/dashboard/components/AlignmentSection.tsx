import { lazy, Suspense, useMemo } from 'react';
import type { Dashboard } from '@keyline/shared';
import { formatDay, formatPercent } from '../../../lib/format';
import { cycleBounds } from '../../key-results/utils/pace';
import { misalignedHistory, misalignedSentence } from '../utils/effort-rows';
import { EffortShareBars } from './EffortShareBars';

const MisalignedChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.MisalignedChart })));

/** Where the planned effort goes against the weights, and how the misaligned share moved over the quarter. */
export function AlignmentSection({ dashboard }: { dashboard: Dashboard }) {
  const history = useMemo(() => misalignedHistory(dashboard.headlineHistory), [dashboard.headlineHistory]);
  const now = dashboard.headline?.misalignedEffortShare ?? null;
  const sentence = misalignedSentence(now, history);
  const xDomain = useMemo<[number, number]>(() => {
    const bounds = dashboard.cycle ? cycleBounds(dashboard.cycle) : null;
    const times = history.map((p) => p.t);
    return [Math.min(bounds?.start ?? Infinity, ...times), Math.max(bounds?.end ?? -Infinity, ...times)];
  }, [dashboard.cycle, history]);
  return (
    <div className="dash-two">
      <section className="dash-section dash-card" aria-labelledby="dash-effort">
        <h2 id="dash-effort">Effort share against weight</h2>
        <p className="meta">
          Share of open effort serving each company objective's key results; the marker is the share of weight it was
          given.
        </p>
        <EffortShareBars
          objectives={dashboard.effortShares}
          misalignedShare={now}
          caption="Effort share and weight share per company objective, largest gap first"
          empty="No open item has an effort estimate yet, so there is no effort to share out."
        />
      </section>
      <section className="dash-section dash-card" aria-labelledby="dash-misaligned">
        <h2 id="dash-misaligned">Misaligned effort</h2>
        <p data-testid="misaligned-sentence">{sentence}</p>
        {history.length > 1 && (
          <figure aria-label={sentence} className="dash-history">
            <Suspense fallback={<div className="dash-chart-loading meta">Loading chart…</div>}>
              <MisalignedChart points={history} xDomain={xDomain} summary={sentence} />
            </Suspense>
            <details className="dash-screen-only">
              <summary>View as table</summary>
              <table className="dash-table">
                <caption className="sr-only">Misaligned effort as recorded, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Recorded</th>
                    <th scope="col" className="num">
                      Misaligned
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((p, i) => (
                    <tr key={`${p.t}-${i}`}>
                      <td>{formatDay(new Date(p.t).toISOString())}</td>
                      <td className="num">{formatPercent(p.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </figure>
        )}
      </section>
    </div>
  );
}
