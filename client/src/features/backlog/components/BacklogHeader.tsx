import type { ReactNode } from 'react';
import { ESTIMATE_COLUMNS } from '../utils/estimates';
import { isSortable, type BacklogView } from '../utils/view';

/** Column widths in px; the title takes what is left, at least TITLE_MIN. */
export const COLUMN_WIDTHS = {
  select: 36,
  rank: 60,
  type: 84,
  status: 112,
  team: 96,
  krs: 180,
  value: 72,
  flags: 104,
} as const;
const TITLE_MIN = 180;

/** The table's minimum width for the columns shown, so the title never collapses. */
export function tableMinWidth(columns: { canEdit: boolean; wide: boolean; showValue: boolean; showFlags: boolean }): number {
  const w = COLUMN_WIDTHS;
  const estimates = ESTIMATE_COLUMNS.filter((c) => columns.wide || c.group === 'rice').reduce((sum, c) => sum + c.width, 0);
  return (
    (columns.canEdit ? w.select : 0) + w.rank + w.type + w.status + w.team + w.krs + estimates +
    (columns.showValue ? w.value : 0) + (columns.showFlags ? w.flags : 0) + TITLE_MIN
  );
}

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
      <th scope="col" className={className}>
        {children}
      </th>
    );
  }
  return (
    <th scope="col" className={className} aria-sort={ariaSort}>
      <button type="button" className="bl-sort" onClick={() => onSort(field)}>
        {children}
        <span className="bl-sort-icon" aria-hidden="true">
          {sorted ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function BacklogColGroup({ canEdit, wide, showValue, showFlags }: { canEdit: boolean; wide: boolean; showValue: boolean; showFlags: boolean }) {
  const estimates = ESTIMATE_COLUMNS.filter((c) => wide || c.group === 'rice');
  return (
    <colgroup>
      {canEdit && <col style={{ width: COLUMN_WIDTHS.select }} />}
      <col style={{ width: COLUMN_WIDTHS.rank }} />
      <col />
      <col style={{ width: COLUMN_WIDTHS.type }} />
      <col style={{ width: COLUMN_WIDTHS.status }} />
      <col style={{ width: COLUMN_WIDTHS.team }} />
      <col style={{ width: COLUMN_WIDTHS.krs }} />
      {estimates.map((c) => (
        <col key={c.field} style={{ width: c.width }} />
      ))}
      {showValue && <col style={{ width: COLUMN_WIDTHS.value }} />}
      {showFlags && <col style={{ width: COLUMN_WIDTHS.flags }} />}
    </colgroup>
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
    <thead>
      <tr aria-rowindex={1}>
        {canEdit && (
          <th scope="col" className="bl-col-select">
            <input
              type="checkbox"
              checked={allSelected}
              aria-label={`Select all ${loadedCount.toLocaleString()} loaded items`}
              onChange={(e) => onSelectAll(e.target.checked)}
            />
          </th>
        )}
        <SortHeader field="rank" view={view} onSort={onSort} className="num">
          #
          <span className="sr-only"> Rank</span>
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
        <th scope="col">Team</th>
        <th scope="col">Key results</th>
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
        {showFlags && <th scope="col">Flags</th>}
      </tr>
    </thead>
  );
}
