import type { BacklogRow } from '@keyline/shared';
import { useCallback, type KeyboardEvent, type RefObject } from 'react';

import type { TableHandle } from '../components/BacklogTable';
import { neighbourMove } from '../utils/moves';
import { selectRange, toggleOne, EMPTY_SELECTION, type Selection } from '../utils/selection';

export interface RowKeyboardDeps {
  rowsRef: RefObject<readonly BacklogRow[]>;
  tableRef: RefObject<TableHandle | null>;
  canEdit: boolean;
  canDrag: boolean;
  singleKeys: boolean;
  setSelection: (update: (s: Selection) => Selection) => void;
  onOpen: (id: string) => void;
  onTag: (id: string) => void;
  onEdit: (id: string) => void;
  onMove: (item: BacklogRow, planned: NonNullable<ReturnType<typeof neighbourMove>>, direction: 'up' | 'down') => void;
  onCannotRerank: () => void;
}

/**
 * Keys on a focused row (docs/UI.md, "Interaction"): ↑/↓ or J/K move, Shift extends the
 * selection, Enter opens, X selects, T tags, E edits, Alt+↑/↓ re-ranks,
 * Esc clears the selection. Single letters obey the shortcuts switch.
 */
export function useRowKeyboard(deps: RowKeyboardDeps) {
  const {
    rowsRef,
    tableRef,
    canEdit,
    canDrag,
    singleKeys,
    setSelection,
    onOpen,
    onTag,
    onEdit,
    onMove,
    onCannotRerank,
  } = deps;
  return useCallback(
    (event: KeyboardEvent<HTMLElement>, index: number) => {
      const rows = rowsRef.current ?? [];
      const item = rows[index];
      if (!item || event.ctrlKey || event.metaKey) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const letter = (k: string) => singleKeys && key === k && !event.altKey;
      const focus = (to: number) => tableRef.current?.focusRow(Math.max(0, Math.min(to, rows.length - 1)));
      const extendTo = (to: number) => {
        const target = rows[to];
        if (target && canEdit)
          setSelection((s) =>
            selectRange(
              s,
              rows.map((r) => r.id),
              target.id,
              item.id,
            ),
          );
      };

      let handled = true;
      if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        if (!canEdit) return;
        if (!canDrag) onCannotRerank();
        else {
          const direction = key === 'ArrowUp' ? 'up' : 'down';
          const planned = neighbourMove(
            rows.map((r) => r.id),
            index,
            direction,
          );
          if (planned) {
            onMove(item, planned, direction);
            focus(planned.toIndex);
          }
        }
      } else if (key === 'ArrowDown' || letter('j')) {
        if (event.shiftKey) extendTo(index + 1);
        focus(index + 1);
      } else if (key === 'ArrowUp' || letter('k')) {
        if (event.shiftKey) extendTo(index - 1);
        focus(index - 1);
      } else if (key === 'Home') focus(0);
      else if (key === 'End') focus(rows.length - 1);
      else if (key === 'Enter') onOpen(item.id);
      else if (key === 'Escape') setSelection(() => EMPTY_SELECTION);
      else if (canEdit && (letter('x') || (key === ' ' && !event.altKey))) setSelection((s) => toggleOne(s, item.id));
      else if (canEdit && letter('t')) onTag(item.id);
      else if (canEdit && letter('e')) onEdit(item.id);
      else handled = false;
      if (handled) event.preventDefault();
    },
    [rowsRef, tableRef, canEdit, canDrag, singleKeys, setSelection, onOpen, onTag, onEdit, onMove, onCannotRerank],
  );
}
