import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { CheckIn, Cycle, KeyResult } from '@keyline/shared';
import { formatDateTime, formatDay, formatMetric } from '../../../lib/format';
import { buildChartModel, chartSentence, type ShippedInput } from '../utils/chart-series';
import { BAND_LABEL, confidenceBand } from '../utils/confidence';
import { enteredLater } from '../utils/check-in-history';

const CheckInChart = lazy(() => import('./CheckInChart').then((m) => ({ default: m.CheckInChart })));

const OUTCOME_LABEL = { moved: 'Moved', 'not-moved': 'Not moved', waiting: 'Waiting for a check-in' } as const;

/**
 * The chart with its text alternative (docs/UI.md, "Charts"): a generated sentence read
 * first, and a "View as table" toggle with the same data as rows — the
 * check-ins, and the linked items that shipped during the quarter.
 */
export function CheckInFigure({
  keyResult: kr,
  checkIns,
  cycle,
  expected,
  shipped = [],
}: {
  keyResult: KeyResult;
  checkIns: CheckIn[];
  cycle: Cycle;
  expected: number;
  shipped?: readonly ShippedInput[];
}) {
  const [asTable, setAsTable] = useState(false);
  const captionId = useId();
  const model = useMemo(
    () => buildChartModel(kr, checkIns, cycle, new Date(), shipped),
    [kr, checkIns, cycle, shipped],
  );
  const sentence = chartSentence(kr, checkIns, expected, model.shipped.length);
  const oldestFirst = [...checkIns].sort((a, b) => a.at.localeCompare(b.at) || a.createdAt.localeCompare(b.createdAt));
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
          <>
            <table className="kr-table">
              <caption className="sr-only">Check-ins of {kr.title}, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">For</th>
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
                    <td>
                      {formatDateTime(c.at)}
                      {enteredLater(c) && <div className="meta">entered {formatDateTime(c.createdAt)}</div>}
                    </td>
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
            {model.shipped.length > 0 && (
              <table className="kr-table kr-shipped-table" data-testid="shipped-table">
                <caption>Linked items shipped this quarter (◆ on the chart)</caption>
                <thead>
                  <tr>
                    <th scope="col">Done</th>
                    <th scope="col">Item</th>
                    <th scope="col">Outcome</th>
                  </tr>
                </thead>
                <tbody>
                  {model.shipped.map((m) => (
                    <tr key={m.itemId}>
                      <td>{formatDay(new Date(m.t).toISOString())}</td>
                      <td>{m.title}</td>
                      <td>
                        {OUTCOME_LABEL[m.state]}
                        {m.provisional && ' (provisional)'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
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
              {model.shipped.length > 0 && (
                <li>
                  <span className="key-shipped" aria-hidden="true">
                    ◆
                  </span>{' '}
                  Linked item shipped (filled: the KR moved after it), shaded: the {shipped[0]?.windowDays ?? 28}-day
                  window measured
                </li>
              )}
            </ul>
          </>
        )}
      </figure>
    </section>
  );
}
