import type { AlignmentReport } from '@keyline/shared';
import { lazy, Suspense, useMemo, useState } from 'react';
import { formatNumber } from '../../../lib/format';
import { describeMatrix, summarizeMatrix } from '../utils/quadrants';
import { PointsTable } from './PointsTable';

// Recharts is ~120 kB gzip: the figures and the flagged list must not wait for it.
const ValueEffortChart = lazy(() => import('./ValueEffortChart').then((m) => ({ default: m.ValueEffortChart })));

function Legend() {
  return (
    <ul className="matrix-legend" aria-label="Legend">
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="5" fill="#0072B2" />
        </svg>
        Tagged to a key result
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <path d="M8,1.5 L14.5,8 L8,14.5 L1.5,8 Z" fill="#fff" stroke="#D55E00" strokeWidth="2" />
        </svg>
        No key result
      </li>
      <li>
        <svg width="20" height="20" aria-hidden="true">
          <circle cx="10" cy="10" r="8.5" fill="none" stroke="#374151" strokeWidth="1.25" />
          <circle cx="10" cy="10" r="4" fill="#0072B2" />
        </svg>
        Ringed: flagged for another reason
      </li>
      <li>
        <svg width="24" height="16" aria-hidden="true">
          <line x1="0" y1="8" x2="24" y2="8" stroke="#6B7280" strokeDasharray="2 4" strokeWidth="1.5" />
        </svg>
        Median effort and value
      </li>
    </ul>
  );
}

/** The value × effort matrix with its text alternative and a table view (docs/UI.md, "Charts"). */
export function ValueEffortSection({ report }: { report: AlignmentReport }) {
  const [asTable, setAsTable] = useState(false);
  const summary = useMemo(() => summarizeMatrix(report.points), [report.points]);
  const sentence = describeMatrix(summary, report.pointsTotal);
  const capped = report.pointsTotal > report.points.length;
  return (
    <section aria-labelledby="matrix-heading" className="panel">
      <div className="panel-head">
        <h2 id="matrix-heading">Value against effort</h2>
        {summary && (
          <button type="button" className="button" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
            {asTable ? 'View as chart' : 'View as table'}
          </button>
        )}
      </div>
      <p id="matrix-summary" data-testid="matrix-summary">
        {sentence}
      </p>
      {capped && (
        <p className="meta" role="note">
          {formatNumber(report.points.length)} largest of {formatNumber(report.pointsTotal)} shown (highest value
          first).
        </p>
      )}
      {summary && !asTable && (
        <figure className="matrix-figure" aria-describedby="matrix-summary">
          <Suspense fallback={<p className="chart-loading">Loading the chart…</p>}>
            <ValueEffortChart points={report.points} medians={summary.medians} summary={sentence} />
          </Suspense>
          <figcaption>
            <Legend />
          </figcaption>
        </figure>
      )}
      {summary && asTable && <PointsTable points={report.points} medians={summary.medians} />}
    </section>
  );
}
