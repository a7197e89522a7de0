import type { BacklogRow } from '@keyline/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useNotify } from '../../components/Notifier';
import { formatNumber } from '../../lib/format';
import { useCan } from '../auth/useSession';

import { BacklogFilters } from './components/BacklogFilters';
import type { EditableField, RowHandlers } from './components/BacklogRowView';
import { BacklogEmpty, BacklogError, BacklogSkeleton } from './components/BacklogStates';
import { BacklogTable, type TableHandle } from './components/BacklogTable';
import { BatchBar } from './components/BatchBar';
import { CreateItemInput } from './components/CreateItemInput';
import { ItemDetailPanel } from './components/ItemDetailPanel';
import { KrPickerDialog, type PickerTarget } from './components/KrPickerDialog';
import { RowConflicts } from './components/RowConflicts';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { useAnnouncer } from './hooks/useAnnouncer';
import { useBacklogList } from './hooks/useBacklogList';
import { useBacklogView } from './hooks/useBacklogView';
import { useGlobalKeys } from './hooks/useGlobalKeys';
import { useItemActions } from './hooks/useItemActions';
import { useReferenceData } from './hooks/useReferenceData';
import { useRowIssues } from './hooks/useRowIssues';
import { useRowKeyboard } from './hooks/useRowKeyboard';
import { useSingleKeyShortcuts } from './hooks/useSingleKeyShortcuts';
import { columnOf } from './utils/estimates';
import { dragMove } from './utils/moves';
import { EMPTY_SELECTION, selectOnly, selectRange, toggleOne, type Selection } from './utils/selection';
import { canRerank, clearFilters, DEFAULT_VIEW, hasFilters, toggleSort } from './utils/view';
import './backlog.css';

/** Screen 3: groom the backlog — filter, sort, edit inline, tag to KRs, re-rank. */
export function BacklogPage() {
  const [view, setView] = useBacklogView();
  const list = useBacklogList(view);
  const reference = useReferenceData();
  const canEdit = useCan('editor');
  const canDrag = canEdit && canRerank(view);
  const { itemId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const notify = useNotify();
  const issues = useRowIssues();
  const { announce, region } = useAnnouncer();
  const actions = useItemActions(
    { queryKey: list.queryKey, view, liveKeyResultIds: reference.liveKeyResultIds },
    issues,
    announce,
  );
  const [singleKeys, setSingleKeys] = useSingleKeyShortcuts();
  const [helpOpen, setHelpOpen] = useState(false);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [editing, setEditing] = useState<{ id: string; field: EditableField } | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [picker, setPicker] = useState<PickerTarget | null>(null);
  const [scrollToId, setScrollToId] = useState<string | null>(null);
  const tableRef = useRef<TableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const createRef = useRef<HTMLInputElement>(null);
  const rowsRef = useRef<readonly BacklogRow[]>(list.rows);
  rowsRef.current = list.rows;

  // A new filter is a new list: a selection made in the old one would act on rows no longer shown.
  const listKey = JSON.stringify(list.queryKey);
  const [selectionKey, setSelectionKey] = useState(listKey);
  if (selectionKey !== listKey) {
    setSelectionKey(listKey);
    setSelection(EMPTY_SELECTION);
    setFocusIndex(0);
  }

  const openItem = useCallback(
    (id: string) => navigate({ pathname: `/backlog/${id}`, search: location.search }),
    [navigate, location.search],
  );
  const openPicker = useCallback((ids: readonly string[], fromSelection = false) => {
    const rows = rowsRef.current;
    const single = ids.length === 1 ? rows.find((r) => r.id === ids[0]) : undefined;
    setPicker({
      ids,
      label: single ? `"${single.title}"` : `${ids.length.toLocaleString()} items`,
      linked: new Map(single?.links.map((l) => [l.keyResultId, l.strength]) ?? []),
      fromSelection,
    });
  }, []);
  const moveItem = useCallback(
    (item: BacklogRow, planned: { move: Parameters<typeof actions.move>[1]; toIndex: number }, how?: string) =>
      void actions.move(item, planned.move, planned.toIndex, how ?? `to position ${formatNumber(planned.toIndex + 1)}`),
    [actions],
  );

  const handlers = useMemo<RowHandlers>(
    () => ({
      select: (index, extend) => {
        const rows = rowsRef.current;
        const id = rows[index]?.id;
        if (!id) return;
        setSelection((s) =>
          extend
            ? selectRange(
                s,
                rows.map((r) => r.id),
                id,
              )
            : toggleOne(s, id),
        );
        setFocusIndex(index);
      },
      edit: (id, field) => setEditing(field ? { id, field } : null),
      saveField: (id, field, value) =>
        void actions.saveFields(
          id,
          { [field]: value },
          field === 'status' ? 'status' : columnOf(field).label.toLowerCase(),
        ),
      invalid: (message) => notify({ kind: 'error', message: `Not saved: ${message}` }),
      tag: (id) => openPicker([id]),
      open: openItem,
      focusRow: setFocusIndex,
    }),
    [actions, notify, openPicker, openItem],
  );

  const onRowKeyDown = useRowKeyboard({
    rowsRef,
    tableRef,
    canEdit,
    canDrag,
    singleKeys,
    setSelection,
    onOpen: openItem,
    onTag: (id) =>
      selection.ids.has(id) && selection.ids.size > 1 ? openPicker([...selection.ids], true) : openPicker([id]),
    onEdit: (id) => setEditing({ id, field: 'status' }),
    onMove: (item, planned, direction) =>
      moveItem(item, planned, `${direction} to position ${formatNumber(planned.toIndex + 1)}`),
    onCannotRerank: () =>
      notify({
        kind: 'info',
        message: 'Re-ranking works on the whole backlog in rank order. Clear the filters and sort by rank first.',
      }),
  });

  useGlobalKeys(singleKeys && !picker, {
    Escape: () => setHelpOpen(false),
    '/': () => searchRef.current?.focus(),
    c: () => createRef.current?.focus(),
    '?': () => setHelpOpen((open) => !open),
  });

  // After creating, bring the new row into view once it is in the list.
  useEffect(() => {
    if (!scrollToId) return;
    const index = list.rows.findIndex((r) => r.id === scrollToId);
    if (index >= 0) tableRef.current?.scrollToRow(index);
    setScrollToId(null);
  }, [scrollToId, list.rows]);

  const create = async (title: string) => {
    const created = await actions.create(title);
    announce(`Added "${created.title}" at the bottom of the backlog`);
    setScrollToId(created.id);
    if (!rowsRef.current.some((r) => r.id === created.id)) {
      notify({
        kind: 'success',
        message: `Added "${created.title}" at the bottom of the backlog`,
        action: { label: 'Open', run: () => openItem(created.id) },
      });
    }
  };

  const closePanel = () => {
    const index = rowsRef.current.findIndex((r) => r.id === itemId);
    navigate({ pathname: '/backlog', search: location.search });
    if (index >= 0) requestAnimationFrame(() => tableRef.current?.focusRow(index));
  };

  const moveToTop = (ids: readonly string[]) => {
    const rows = rowsRef.current;
    // Bottom-most first, so the chosen items keep their order at the top.
    const chosen = rows.filter((r) => ids.includes(r.id)).reverse();
    for (const item of chosen) void actions.move(item, { position: 'top' }, canDrag ? 0 : null, 'to the top');
  };

  const filtered = hasFilters(view);
  const showEmpty = list.data && list.total === 0;

  return (
    <section className="bl-page" aria-labelledby="bl-title">
      <div className="bl-head">
        <h1 id="bl-title">Backlog</h1>
        <p className="bl-count" role="status">
          {list.data
            ? `${formatNumber(list.total)} ${list.total === 1 ? 'item' : 'items'}${filtered ? ' match these filters' : ''}`
            : 'Loading items…'}
          {list.isFetching && list.data && !list.isFetchingNextPage && <span className="meta"> · updating…</span>}
        </p>
        {canEdit && (
          <Link to="/import" className="bl-import">
            Import CSV or Jira
          </Link>
        )}
        <label className="bl-toggle bl-cols">
          <input
            type="checkbox"
            checked={view.wide}
            onChange={(e) => setView((v) => ({ ...v, wide: e.target.checked }), { replace: true })}
          />
          WSJF &amp; ICE columns
        </label>
        <ShortcutsHelp open={helpOpen} onToggle={setHelpOpen} singleKeys={singleKeys} onSingleKeys={setSingleKeys} />
      </div>
      {canEdit && <CreateItemInput ref={createRef} onCreate={create} />}
      <BacklogFilters
        view={view}
        setView={setView}
        reference={reference}
        searchRef={searchRef}
        onClear={() => setView(clearFilters)}
      />
      {canEdit && !canDrag && list.total > 0 && (
        <p className="bl-hint">
          <span aria-hidden="true">ⓘ </span>Re-ranking (drag or Alt+↑/↓) works on the whole backlog in rank order.{' '}
          <button
            type="button"
            className="button ghost"
            onClick={() => setView((v) => ({ ...DEFAULT_VIEW, wide: v.wide }))}
          >
            Show rank order
          </button>
        </p>
      )}
      <RowConflicts
        issues={issues.issues}
        onKeepTheirs={actions.keepTheirs}
        onUseMine={(id, current, conflict) => void actions.applyMine(id, current, conflict.patch, conflict.what)}
      />
      {canEdit && (
        <BatchBar
          count={selection.ids.size}
          onTag={() => openPicker([...selection.ids], true)}
          onMoveToTop={() => moveToTop([...selection.ids])}
          onClear={() => setSelection(EMPTY_SELECTION)}
        />
      )}
      {list.isError && !list.data ? (
        <BacklogError message={list.error.message} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <BacklogSkeleton />
      ) : showEmpty ? (
        <BacklogEmpty filtered={filtered} canEdit={canEdit} onClear={() => setView(clearFilters)} />
      ) : (
        <BacklogTable
          ref={tableRef}
          rows={list.rows}
          total={list.total}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={() => void list.fetchNextPage()}
          view={view}
          onSort={(field) => setView((v) => toggleSort(v, field))}
          canEdit={canEdit}
          canDrag={canDrag}
          reference={reference}
          selection={selection}
          onSelectAll={(on) => setSelection(on ? selectOnly(rowsRef.current.map((r) => r.id)) : EMPTY_SELECTION)}
          editing={editing}
          issues={issues.issues}
          focusIndex={focusIndex}
          openId={itemId}
          handlers={handlers}
          onRowKeyDown={onRowKeyDown}
          onDragMove={(activeId, overId) => {
            const rows = rowsRef.current;
            const planned = dragMove(
              rows.map((r) => r.id),
              activeId,
              overId,
            );
            const item = rows.find((r) => r.id === activeId);
            if (planned && item) moveItem(item, planned);
          }}
        />
      )}
      {itemId && (
        <ItemDetailPanel
          key={itemId}
          itemId={itemId}
          reference={reference}
          canEdit={canEdit}
          actions={actions}
          issue={issues.issues[itemId]}
          onClose={closePanel}
          onTag={(item) => openPicker([item.id])}
          onMoveToTop={(item) => moveToTop([item.id])}
        />
      )}
      {picker && (
        <KrPickerDialog
          target={picker}
          options={reference.activeKrOptions}
          cycleName={reference.activeCycle?.name ?? null}
          onClose={() => setPicker(null)}
          onTag={async (kr, strength) => {
            const result = await actions.tagItems(picker.ids, kr.id, strength, kr.title);
            // Failed rows stay selected so "Tag to KR" can simply be tried again.
            if (picker.fromSelection) setSelection(selectOnly(result.failed.map((f) => f.item)));
            setPicker(null);
            // A tagged row can leave the list ("No KR link"): keep focus in the table.
            requestAnimationFrame(() => {
              if (document.activeElement === document.body && !itemId)
                tableRef.current?.focusRow(Math.min(focusIndex, rowsRef.current.length - 1));
            });
          }}
        />
      )}
      {region}
    </section>
  );
}
