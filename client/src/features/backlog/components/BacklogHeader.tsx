import type { ReactNode } from 'react';
import { ESTIMATE_COLUMNS } from '../utils/estimates';
import { isSortable, type BacklogView } from '../utils/view';

function SortHeader({
  field,
  view,
  onSort,
  className,
  children,
}: {
  field: string;
  view: BacklogView;
  onSort: (field: string) => void;
  className?: string;
  children: ReactNode;
}) {
  const sorted = view.sort === field;
  const ariaSort = sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none';
  if (!isSortable(field)) {
    return (
      <div role="columnheader" className={`bl-th ${className ?? ''}`}>
        {children}
      </div>
    );
  }
  return (
    <div role="columnheader" className={`bl-th ${className ?? ''}`} aria-sort={ariaSort}>
      <button type="button" className="bl-sort" onClick={() => onSort(field)}>
        {children}
        <span className="bl-sort-icon" aria-hidden="true">
          {sorted ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </div>
  );
}

/** The sticky header row: click any sortable column to sort by it, again to flip. */
export function BacklogHeader({
  view,
  onSort,
  canEdit,
  showValue,
  showFlags,
  allSelected,
  onSelectAll,
  loadedCount,
}: {
  view: BacklogView;
  onSort: (field: string) => void;
  canEdit: boolean;
  showValue: boolean;
  showFlags: boolean;
  allSelected: boolean;
  onSelectAll: (on: boolean) => void;
  loadedCount: number;
}) {
  const estimates = ESTIMATE_COLUMNS.filter((c) => view.wide || c.group === 'rice');
  return (
    <div role="rowgroup" className="bl-thead">
      <div role="row" aria-rowindex={1} className="bl-tr bl-hrow">
        {canEdit && (
          <div role="columnheader" className="bl-th bl-col-select">
            <input
              type="checkbox"
              checked={allSelected}
              aria-label={`Select all ${loadedCount.toLocaleString()} loaded items`}
              onChange={(e) => onSelectAll(e.target.checked)}
            />
          </div>
        )}
        <SortHeader field="rank" view={view} onSort={onSort} className="num">
          #<span className="sr-only"> Rank</span>
        </SortHeader>
        <SortHeader field="title" view={view} onSort={onSort}>
          Title
        </SortHeader>
        <SortHeader field="type" view={view} onSort={onSort}>
          Type
        </SortHeader>
        <SortHeader field="status" view={view} onSort={onSort}>
          Status
        </SortHeader>
        <div role="columnheader" className="bl-th">
          Team
        </div>
        <div role="columnheader" className="bl-th">
          Key results
        </div>
        {estimates.map((c) => (
          <SortHeader key={c.field} field={c.field} view={view} onSort={onSort} className="num">
            {c.header}
          </SortHeader>
        ))}
        {showValue && (
          <SortHeader field="valueScore" view={view} onSort={onSort} className="num">
            Value
          </SortHeader>
        )}
        {showFlags && (
          <div role="columnheader" className="bl-th">
            Flags
          </div>
        )}
      </div>
    </div>
  );
}
