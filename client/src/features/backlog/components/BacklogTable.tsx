import type { BacklogRow } from '@keyline/shared';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type Ref,
} from 'react';

import type { ReferenceData } from '../hooks/useReferenceData';
import type { RowIssue } from '../hooks/useRowIssues';
import { tableColumns } from '../utils/columns';
import type { Selection } from '../utils/selection';
import type { BacklogView } from '../utils/view';
import { BacklogHeader } from './BacklogHeader';
import { BacklogRowView, SortableBacklogRow, type EditableField, type RowHandlers } from './BacklogRowView';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 40;
const NO_IDS: string[] = [];

export interface TableHandle {
  /** Scrolls the row into view and moves keyboard focus to it. */
  focusRow(index: number): void;
  scrollToRow(index: number): void;
}

/**
 * The backlog as a virtual table: only the rows in view (plus a few) are in
 * the DOM, spacer rows stand in for the rest, and the next page loads as the
 * user nears the end. Rows re-rank by drag (pointer or keyboard) when allowed.
 */
export function BacklogTable({
  rows,
  total,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  view,
  onSort,
  canEdit,
  canDrag,
  reference,
  selection,
  onSelectAll,
  editing,
  issues,
  focusIndex,
  openId,
  handlers,
  onRowKeyDown,
  onDragMove,
  ref,
}: {
  rows: readonly BacklogRow[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  view: BacklogView;
  onSort: (field: string) => void;
  canEdit: boolean;
  canDrag: boolean;
  reference: ReferenceData;
  selection: Selection;
  onSelectAll: (on: boolean) => void;
  editing: { id: string; field: EditableField } | null;
  issues: Readonly<Record<string, RowIssue>>;
  focusIndex: number;
  /** The item whose panel is open, highlighted in the list. */
  openId: string | undefined;
  handlers: RowHandlers;
  onRowKeyDown: (event: KeyboardEvent<HTMLElement>, index: number) => void;
  onDragMove: (activeId: string, overId: string) => void;
  ref?: Ref<TableHandle>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const count = rows.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? `loader-${index}`,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToRow: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
      focusRow: (index) => {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        // The row may only exist after the virtualizer renders it.
        let tries = 0;
        const attempt = () => {
          const el = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`);
          if (el) el.focus({ preventScroll: false });
          else if (tries++ < 10) requestAnimationFrame(attempt);
        };
        attempt();
      },
    }),
    [virtualizer],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const titleOf = (id: unknown) => rows.find((r) => r.id === id)?.title ?? 'item';
  const positionOf = (id: unknown) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up "${titleOf(active.id)}" at position ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `"${titleOf(active.id)}" is over position ${positionOf(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped "${titleOf(active.id)}" at position ${positionOf(over.id)}.`
        : `Dropped "${titleOf(active.id)}"; nothing moved.`,
    onDragCancel: ({ active }) => `Moving "${titleOf(active.id)}" was cancelled.`,
  };
  const onDragEnd = (event: DragEndEvent) => {
    dragging.current = false;
    if (event.over) onDragMove(String(event.active.id), String(event.over.id));
  };

  const showValue = rows.some((r) => r.valueScore !== undefined);
  const showFlags = rows.some((r) => r.flags !== undefined);
  const columns = tableColumns({ canEdit, wide: view.wide, showValue, showFlags });
  const allSelected =
    rows.length > 0 && selection.ids.size >= rows.length && rows.every((r) => selection.ids.has(r.id));
  // The focused row keeps Tab's way into the table even after it scrolled out of the DOM.
  const rendered = new Set(virtualRows.map((v) => v.index));
  const activeIndex = rendered.has(focusIndex) ? focusIndex : (virtualRows[0]?.index ?? 0);

  return (
    <div
      className="bl-scroll"
      ref={scrollRef}
      onKeyDown={(event) => {
        if (dragging.current) return;
        const row =
          event.target instanceof HTMLElement && event.target.matches('[role="row"][data-index]') ? event.target : null;
        if (row) onRowKeyDown(event, Number(row.dataset.index));
      }}
    >
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'Press Space to pick the item up, the arrow keys to move it, Space to drop it, or Escape to cancel. Alt plus arrow keys on a row also moves it.',
          },
        }}
        onDragStart={() => (dragging.current = true)}
        onDragCancel={() => (dragging.current = false)}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={canDrag ? ids : NO_IDS} strategy={verticalListSortingStrategy} disabled={!canDrag}>
          <div
            role="table"
            className="bl-table"
            aria-label="Backlog items"
            aria-rowcount={total + 1}
            style={{ minWidth: columns.minWidth, '--bl-columns': columns.template } as CSSProperties}
          >
            <BacklogHeader
              view={view}
              onSort={onSort}
              canEdit={canEdit}
              showValue={showValue}
              showFlags={showFlags}
              allSelected={allSelected}
              onSelectAll={onSelectAll}
              loadedCount={rows.length}
            />
            {/* Rows are placed absolutely: scrolling mounts a few rows and moves nothing else. */}
            <div role="rowgroup" className="bl-tbody" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
              {virtualRows.map((v) => {
                const item = rows[v.index];
                const top = v.start - HEADER_HEIGHT;
                if (!item) {
                  return (
                    <div role="row" key={v.key} className="bl-tr bl-loading-row" style={{ top }}>
                      <div role="cell" className="bl-td bl-loading-cell">
                        <span className="bl-skeleton" aria-hidden="true" />
                        <span className="meta">Loading more items…</span>
                      </div>
                    </div>
                  );
                }
                const Row = canDrag ? SortableBacklogRow : BacklogRowView;
                return (
                  <Row
                    key={v.key}
                    item={item}
                    index={v.index}
                    top={top}
                    open={item.id === openId}
                    active={v.index === activeIndex}
                    selected={selection.ids.has(item.id)}
                    editingField={editing?.id === item.id ? editing.field : null}
                    issue={issues[item.id]}
                    wide={view.wide}
                    showValue={showValue}
                    showFlags={showFlags}
                    canEdit={canEdit}
                    canDrag={canDrag}
                    reference={reference}
                    handlers={handlers}
                  />
                );
              })}
            </div>
          </div>
        </SortableContext>
      </DndContext>
    </div>
  );
}
