import type { ItemOutcomeDto, ItemOutcomeState } from '@keyline/shared';

export const SORT_KEYS = ['doneAt', 'title', 'team', 'effort', 'predicted', 'credit', 'state'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ItemRow {
  key: string;
  item: ItemOutcomeDto;
  team: string;
  /** The KRs' owners, who answer for the outcome (items have no owner of their own). */
  owners: string[];
}

const STATE_ORDER: Record<ItemOutcomeState, number> = { moved: 0, 'not-moved': 1, waiting: 2 };

/** The items table's rows: one per item and quarter, with the team and KR owners named. */
export function itemRows(items: readonly ItemOutcomeDto[], teamName: (id: string | null) => string): ItemRow[] {
  return items.map((item) => ({
    key: `${item.itemId}:${item.cycleId}`,
    item,
    team: teamName(item.teamId),
    owners: [...new Set(item.links.map((l) => l.ownerName).filter((n): n is string => n !== null))],
  }));
}

function valueOf(row: ItemRow, key: SortKey): string | number | null {
  switch (key) {
    case 'doneAt':
      return row.item.doneAt;
    case 'title':
      return row.item.title.toLocaleLowerCase();
    case 'team':
      return row.team.toLocaleLowerCase();
    case 'effort':
      return row.item.effort;
    case 'predicted':
      return row.item.predicted;
    case 'credit':
      return row.item.credit;
    case 'state':
      return STATE_ORDER[row.item.state];
  }
}

/** Sorted by one column; missing values last in either direction; ties keep the server's order (newest first). */
export function sortRows(rows: readonly ItemRow[], key: SortKey, direction: SortDirection): ItemRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const diff = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return diff * sign || a.index - b.index;
    })
    .map((x) => x.row);
}

/** Dates and figures read best biggest or newest first; words from A. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  doneAt: 'desc',
  title: 'asc',
  team: 'asc',
  effort: 'desc',
  predicted: 'desc',
  credit: 'desc',
  state: 'asc',
};
