import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format';
import { ItemScoreWithBreakdown } from './ScoreBreakdown';
import { classifyQuadrant, QUADRANT_SINGULAR, type MatrixPoint, type Medians } from '../utils/quadrants';

const flagWords = (flags: readonly string[]) =>
  flags.length ? flags.map((f) => f.toLowerCase().replace(/_/g, ' ')).join(', ') : '—';

/** The chart's data as a table: every point, its quadrant, and a link to the item. */
export function PointsTable({ points, medians }: { points: readonly MatrixPoint[]; medians: Medians }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Open items by value and effort, highest value first</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Value score
            </th>
            <th scope="col" className="num">
              Effort (pts)
            </th>
            <th scope="col">Quadrant</th>
            <th scope="col">Key result</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/backlog/${p.id}`}>{p.title}</Link>
              </td>
              <td className="num">
                <ItemScoreWithBreakdown itemId={p.id} valueScore={p.valueScore} itemTitle={p.title} />
              </td>
              <td className="num">{formatNumber(p.effort)}</td>
              <td>{QUADRANT_SINGULAR[classifyQuadrant(p, medians)]}</td>
              <td>{p.aligned ? 'Tagged' : 'None'}</td>
              <td>{flagWords(p.flags)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
