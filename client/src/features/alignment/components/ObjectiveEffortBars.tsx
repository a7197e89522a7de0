import { NO_KEY_RESULT, type AlignmentReport } from '@keyline/shared';
import { formatPercent, formatPoints } from '../../../lib/format';
import { objectiveShareRows, type ShareRow } from '../utils/objective-shares';

function Bar({ share, kind }: { share: number; kind: 'effort' | 'weight' }) {
  // Bars clamp to the track; the label carries the exact share.
  const width = `${Math.min(100, Math.max(0, share * 100))}%`;
  return (
    <span className="share-bar">
      <span className="share-track" aria-hidden="true">
        <span className={`share-fill share-fill-${kind}`} style={{ width }} />
      </span>
      <span className="share-label num">{formatPercent(share)}</span>
    </span>
  );
}

function ShareTable({ rows, caption }: { rows: ShareRow[]; caption: string }) {
  return (
    <table className="share-table">
      <caption>{caption}</caption>
      <colgroup>
        <col className="share-col-name" />
        <col className="share-col-bar" />
        <col className="share-col-bar" />
        <col className="share-col-gap" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col">Effort share</th>
          <th scope="col">Weight share</th>
          <th scope="col" className="num">
            Gap
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.id === NO_KEY_RESULT ? 'share-row-nokr' : undefined}>
            <th scope="row">
              {row.id === NO_KEY_RESULT ? <a href="#flag-group-UNALIGNED">{row.title}</a> : row.title}
            </th>
            <td>
              <Bar share={row.effortShare} kind="effort" />
            </td>
            <td>
              <Bar share={row.weightShare ?? 0} kind="weight" />
            </td>
            <td className="num">{formatPoints(row.gap)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the open effort goes, objective by objective, next to the weight each was given. */
export function ObjectiveEffortBars({ report }: { report: AlignmentReport }) {
  const groups = objectiveShareRows(report);
  return (
    <section aria-labelledby="shares-heading" className="panel">
      <h2 id="shares-heading">Effort share against weight</h2>
      {groups === null ? (
        <p>No open item has an effort estimate yet, so there is no effort to share out.</p>
      ) : (
        <>
          <p className="meta">
            Share of all open effort (pts) linked to each objective's key results, next to the objective's share of the
            weight at its level. Sorted by the gap; effort on a team objective also counts for the company objective
            above it.
          </p>
          <ShareTable rows={groups.top} caption="Company objectives" />
          {groups.nested.length > 0 && (
            <ShareTable rows={groups.nested} caption="Team objectives, as shares of the effort on team objectives" />
          )}
        </>
      )}
    </section>
  );
}
