import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { CheckIn, Cycle, KeyResult } from '@keyline/shared';
import { formatDateTime, formatMetric } from '../../../lib/format';
import { buildChartModel, chartSentence } from '../utils/chart-series';
import { BAND_LABEL, confidenceBand } from '../utils/confidence';

const CheckInChart = lazy(() => import('./CheckInChart').then((m) => ({ default: m.CheckInChart })));

/**
 * The chart with its text alternative (ui.md §4): a generated sentence read
 * first, and a "View as table" toggle with the same data as rows.
 */
export function CheckInFigure({
  keyResult: kr,
  checkIns,
  cycle,
  expected,
}: {
  keyResult: KeyResult;
  checkIns: CheckIn[];
  cycle: Cycle;
  expected: number;
}) {
  const [asTable, setAsTable] = useState(false);
  const captionId = useId();
  const model = useMemo(() => buildChartModel(kr, checkIns, cycle, new Date()), [kr, checkIns, cycle]);
  const sentence = chartSentence(kr, checkIns, expected);
  const oldestFirst = [...checkIns].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const fmt = (v: number) => formatMetric(v, kr.unit, kr.metricType, { full: true });
  return (
    <section className="kr-section kr-chart-section" aria-labelledby={`${captionId}-title`}>
      <div className="kr-figure-head">
        <h2 id={`${captionId}-title`}>Progress over the quarter</h2>
        <button type="button" className="button" onClick={() => setAsTable((t) => !t)}>
          {asTable ? 'View as chart' : 'View as table'}
        </button>
      </div>
      <figure className="kr-figure" aria-labelledby={captionId} data-testid="check-in-figure">
        <figcaption id={captionId} className="kr-figure-caption">
          {sentence}
          {checkIns.length === 0 && <span className="meta"> The first check-in starts the chart.</span>}
        </figcaption>
        {asTable ? (
          <table className="kr-table">
            <caption className="sr-only">Check-ins of {kr.title}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">Confidence</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {oldestFirst.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.createdAt)}</td>
                  <td className="num">{fmt(c.value)}</td>
                  <td>
                    {c.confidence}/10 ({BAND_LABEL[confidenceBand(c.confidence)]})
                  </td>
                  <td>{c.note || '—'}</td>
                </tr>
              ))}
              {oldestFirst.length === 0 && (
                <tr>
                  <td colSpan={4}>No check-ins yet.</td>
                </tr>
              )}
            </tbody>
          </table>
        ) : (
          <>
            <Suspense
              fallback={
                <div className="kr-chart-loading meta" role="status">
                  Loading chart…
                </div>
              }
            >
              <CheckInChart model={model} keyResult={kr} title={`Check-ins of ${kr.title}`} summary={sentence} />
            </Suspense>
            <ul className="chart-key meta" aria-label="Chart key">
              <li>
                <span className="key-line key-value" aria-hidden="true" /> Value (left axis, ● check-in, larger with a
                note)
              </li>
              <li>
                <span className="key-line key-confidence" aria-hidden="true" /> Confidence 0–10 (right axis, ■)
              </li>
              <li>
                <span className="key-line key-target" aria-hidden="true" /> Target {fmt(kr.targetValue)}
              </li>
              <li>
                <span className="key-line key-pace" aria-hidden="true" /> Pace from start to target
              </li>
            </ul>
          </>
        )}
      </figure>
    </section>
  );
}
