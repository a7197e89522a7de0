import { lazy, Suspense, useId, useState } from 'react';
import type { OutcomeSummaryDto } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';
import { calibrationBars, calibrationSentence, spearmanText } from '../utils/calibration-model';
import { formatShare } from '../utils/outcome-format';

const CalibrationChart = lazy(() => import('./CalibrationChart').then((m) => ({ default: m.CalibrationChart })));

/**
 * Calibration: the items' prediction (impact × confidence) in buckets
 * against how often their KR moved, with counts; a sentence and a table as
 * the text alternative (docs/UI.md, "Charts").
 */
export function CalibrationFigure({ calibration }: { calibration: OutcomeSummaryDto['calibration'] }) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const bars = calibrationBars(calibration);
  const sentence = calibrationSentence(calibration);
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="calibration">
      <div className="panel-head">
        <h2 id={`${id}-title`}>Calibration: predicted impact against what moved</h2>
        <button type="button" className="button small" onClick={() => setAsTable((t) => !t)} aria-pressed={asTable}>
          {asTable ? 'View as chart' : 'View as table'}
        </button>
      </div>
      <figure className="outcome-figure" aria-labelledby={`${id}-caption`}>
        <figcaption id={`${id}-caption`}>
          <span className="meta">
            Share of judged items whose KR moved, by the item's predicted impact × confidence.{' '}
            {spearmanText(calibration)}.
          </span>
          {calibration.sampleNote && <span className="outcome-caveat"> {calibration.sampleNote}.</span>}
          <span className="sr-only"> {sentence}</span>
        </figcaption>
        {asTable ? (
          <table className="outcome-table" data-testid="calibration-table">
            <caption className="sr-only">Calibration buckets</caption>
            <thead>
              <tr>
                <th scope="col">Predicted (impact × confidence)</th>
                <th scope="col" className="num">
                  Items
                </th>
                <th scope="col" className="num">
                  Moved their KR
                </th>
                <th scope="col" className="num">
                  Median credit (% of range)
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{b.count}</td>
                  <td className="num">{b.count === 0 ? '—' : `${b.hits} (${formatPercent(b.hitRate)})`}</td>
                  <td className="num">{formatShare(b.medianCredit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Suspense fallback={<div className="outcome-chart-loading meta">Loading chart…</div>}>
            <CalibrationChart bars={bars} title="Calibration of predictions" summary={sentence} />
          </Suspense>
        )}
      </figure>
      <p className="meta">
        Well-calibrated predictions rise from left to right: items predicted to matter more move their KR more often.
        Correlation, not proof of cause.
      </p>
    </section>
  );
}
