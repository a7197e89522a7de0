import { useState } from 'react';
import { Link } from 'react-router';
import type { ItemOutcomeDto, ItemOutcomeState } from '@keyline/shared';
import { formatDay, formatNumber } from '../../../lib/format';
import { linkState } from '../utils/kr-outcomes';
import { formatShare, formatSmallShare } from '../utils/outcome-format';
import type { ItemRow, SortDirection, SortKey } from '../utils/outcome-table';
import { OutcomeBadge } from './OutcomeBadge';

const PAGE = 25;

const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'title', label: 'Item' },
  { key: 'team', label: 'Team' },
  { key: 'doneAt', label: 'Done' },
  { key: 'effort', label: 'Effort (pts)', num: true },
  { key: 'predicted', label: 'Predicted', num: true },
  { key: 'credit', label: 'Beyond pace', num: true },
  { key: 'state', label: 'Outcome' },
];

export const STATE_FILTERS: { value: ItemOutcomeState | ''; label: string }[] = [
  { value: 'not-moved', label: 'Moved nothing' },
  { value: 'moved', label: 'Moved their KR' },
  { value: 'waiting', label: 'Waiting for a check-in' },
  { value: '', label: 'All shipped' },
];

/** The shipped items, sortable by any column; each KR with its owner and what it did after the item. */
export function ShippedItems({
  rows,
  total,
  sort,
  direction,
  onSort,
  emptyText,
}: {
  rows: ItemRow[];
  total: number;
  sort: SortKey;
  direction: SortDirection;
  onSort: (key: SortKey) => void;
  emptyText: string;
}) {
  const [shown, setShown] = useState(PAGE);
  if (rows.length === 0) return <p>{emptyText}</p>;
  const visible = rows.slice(0, shown);
  return (
    <>
      <div className="outcome-table-wrap">
        <table className="outcome-table outcome-items" data-testid="outcome-items">
          <caption className="sr-only">Shipped items, sorted by {COLUMNS.find((c) => c.key === sort)?.label}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.num ? 'num' : undefined}
                  aria-sort={sort === c.key ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort === c.key ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Key results (owner)</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <ItemLine key={row.key} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="meta outcome-items-count">
        Showing {formatNumber(visible.length)} of {formatNumber(total)}
        {total > rows.length &&
          ` (the ${formatNumber(rows.length)} newest can be listed here; the CSV export has them all)`}
        .{' '}
        {shown < rows.length && (
          <button type="button" className="button small" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, rows.length - shown)} more
          </button>
        )}
      </p>
    </>
  );
}

function ItemLine({ row }: { row: ItemRow }) {
  const { item } = row;
  return (
    <tr>
      <th scope="row">
        <Link to={`/backlog/${item.itemId}`}>{item.title}</Link>
        {item.externalKey && <span className="meta"> {item.externalKey}</span>}
      </th>
      <td>{row.team}</td>
      <td className="nowrap">{formatDay(item.doneAt)}</td>
      <td className="num">{formatNumber(item.effort)}</td>
      <td className="num">{item.predicted === null ? '—' : formatNumber(Math.round(item.predicted * 100) / 100)}</td>
      <td className="num">{formatSmallShare(item.credit)}</td>
      <td>
        <OutcomeBadge state={item.state} provisional={item.provisional} />
      </td>
      <td>
        <KeyResultCells links={item.links} />
      </td>
    </tr>
  );
}

function KeyResultCells({ links }: { links: ItemOutcomeDto['links'] }) {
  return (
    <ul className="outcome-krs">
      {links.map((l) => (
        <li key={l.keyResultId}>
          <Link to={`/key-results/${l.keyResultId}`}>{l.keyResultTitle}</Link>{' '}
          <span className="meta">
            ({l.ownerName ?? 'no owner'}) ·{' '}
            {linkState(l) === 'waiting'
              ? 'no check-in since'
              : `${formatShare(l.movement)} of range, ${formatShare(l.lift)} beyond pace`}
          </span>
        </li>
      ))}
    </ul>
  );
}
