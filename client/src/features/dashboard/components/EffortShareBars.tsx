import { formatPercent } from '../../../lib/format';
import './effort-share.css';
import { NO_KEY_RESULT, type EffortShareInput } from '@keyline/shared';
import { formatPoints } from '../../../lib/format';
import { effortRows } from '../utils/effort-rows';

const width = (share: number) => `${Math.min(100, Math.max(0, share * 100))}%`;

/**
 * Effort share per company objective as a horizontal bar, with a marker at
 * the weight share leadership gave it, sorted by the gap. Used by the
 * dashboard and by each column of the planner.
 */
export function EffortShareBars({
  objectives,
  misalignedShare,
  caption,
  empty,
}: {
  objectives: readonly EffortShareInput[];
  misalignedShare: number | null | undefined;
  caption: string;
  empty: string;
}) {
  const rows = effortRows(objectives, misalignedShare);
  if (rows === null) return <p>{empty}</p>;
  return (
    <table className="effort-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col" className="effort-bar-col">
            <span className="sr-only">Bar</span>
            <span aria-hidden="true" className="meta">
              <span className="key-swatch key-effort" /> effort · <span className="key-swatch key-weight" /> weight
            </span>
          </th>
          <th scope="col" className="num">
            Effort
          </th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col" className="num">
            Gap
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.id === NO_KEY_RESULT ? 'effort-row-none' : undefined}>
            <th scope="row">{row.title}</th>
            <td className="effort-bar-col" aria-hidden="true">
              <span className="effort-track">
                <span
                  className={`effort-fill${row.id === NO_KEY_RESULT ? ' effort-fill-none' : ''}`}
                  style={{ width: width(row.effortShare) }}
                />
                {row.weightShare !== null && (
                  <span className="effort-weight" style={{ left: width(row.weightShare) }} />
                )}
              </span>
            </td>
            <td className="num">{formatPercent(row.effortShare)}</td>
            <td className="num">{row.weightShare === null ? '—' : formatPercent(row.weightShare)}</td>
            <td className="num">{formatPoints(row.gap)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
