import { ESTIMATE_COLUMNS } from './estimates';

/** Column widths in px; the title takes what is left, at least TITLE_MIN. */
export const COLUMN_WIDTHS = {
  select: 36,
  rank: 60,
  type: 84,
  status: 112,
  team: 88,
  krs: 164,
  value: 72,
  /** Room for "⚑ Low value, high effort" cut short, or "⚑ Not scorable +1" whole. */
  flags: 128,
} as const;
export const TITLE_MIN = 180;
/** The table's width on a 1280 px screen (the page's padding and border taken off): the RICE table with value and flags fits it. */
export const WIDTH_AT_1280 = 1230;

export interface ColumnChoice {
  canEdit: boolean;
  wide: boolean;
  showValue: boolean;
  showFlags: boolean;
}

/**
 * The CSS grid columns every row shares (header and body rows are separate
 * grids, so they must agree) and the width below which the table scrolls
 * sideways instead of squeezing the title.
 */
export function tableColumns(choice: ColumnChoice): { template: string; minWidth: number; count: number } {
  const w = COLUMN_WIDTHS;
  const widths: (number | 'title')[] = [
    ...(choice.canEdit ? [w.select] : []),
    w.rank,
    'title',
    w.type,
    w.status,
    w.team,
    w.krs,
    ...ESTIMATE_COLUMNS.filter((c) => choice.wide || c.group === 'rice').map((c) => c.width),
    ...(choice.showValue ? [w.value] : []),
    ...(choice.showFlags ? [w.flags] : []),
  ];
  return {
    template: widths.map((x) => (x === 'title' ? `minmax(${TITLE_MIN}px, 1fr)` : `${x}px`)).join(' '),
    minWidth: widths.reduce<number>((sum, x) => sum + (x === 'title' ? TITLE_MIN : x), 0),
    count: widths.length,
  };
}
