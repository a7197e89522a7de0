import type { OutcomeReportDto } from '@keyline/shared';
import { formatNumber, formatPercent } from '../../../lib/format';
import { spearmanText } from '../utils/calibration-model';
import { perPointText } from '../utils/outcome-format';

/** The selection's headline: hit rate, movement per effort point, what was measured, calibration. */
export function OutcomeFigures({ report, level = 2 }: { report: OutcomeReportDto; level?: 2 | 3 }) {
  const s = report.summary;
  // Under a section's own heading (grades, quarter close) the cards' titles sit one level lower.
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-label="Outcome figures" className="outcome-cards">
      <article className="outcome-card" aria-labelledby="oc-hit">
        <H id="oc-hit" className="outcome-card-title">
          Moved their KR
        </H>
        <p className="outcome-number" data-testid="hit-rate">
          {s.hitRate === null ? '—' : formatPercent(s.hitRate)}
          {s.hitRate === null && <span className="sr-only">No data</span>}
        </p>
        <p className="meta">
          {s.judged === 0
            ? 'No shipped item can be judged yet'
            : `${formatNumber(s.hits)} of ${formatNumber(s.judged)} shipped items judged`}
        </p>
        {s.sampleNote && <p className="outcome-caveat">{s.sampleNote}</p>}
      </article>
      <article className="outcome-card" aria-labelledby="oc-point">
        <H id="oc-point" className="outcome-card-title">
          Movement per effort point
        </H>
        <p className="outcome-number" data-testid="per-point">
          {perPointText(s.medianCreditPerPoint).replace(' per point', '')}
        </p>
        <p className="meta">
          Median share of the KR's range gained beyond its pace, per point, over {formatNumber(s.perPointSampleSize)}{' '}
          items with an estimate
        </p>
      </article>
      <article className="outcome-card" aria-labelledby="oc-shipped">
        <H id="oc-shipped" className="outcome-card-title">
          Shipped linked items
        </H>
        <p className="outcome-number">{formatNumber(s.shipped)}</p>
        <p className="meta">
          {formatNumber(s.waiting)} waiting for a check-in · {formatNumber(s.provisional)} provisional (window not over)
        </p>
      </article>
      <article className="outcome-card" aria-labelledby="oc-calibration">
        <H id="oc-calibration" className="outcome-card-title">
          Predictions vs outcomes
        </H>
        <p className="outcome-number">
          {s.calibration.spearman === null ? '—' : `ρ ${s.calibration.spearman.toFixed(2).replace('-', '−')}`}
        </p>
        <p className="meta">{spearmanText(s.calibration)}</p>
        {s.calibration.sampleNote && <p className="outcome-caveat">{s.calibration.sampleNote}</p>}
      </article>
    </section>
  );
}
