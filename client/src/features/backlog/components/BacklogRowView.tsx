import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ComponentProps } from 'react';
import { IMPACT_VALUES, ITEM_STATUSES, type ItemStatus, type BacklogRow } from '@keyline/shared';
import { memo, type MouseEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { formatNumber } from '../../../lib/format';

import type { ReferenceData } from '../hooks/useReferenceData';
import type { RowIssue } from '../hooks/useRowIssues';
import {
  ESTIMATE_COLUMNS,
  estimateToInput,
  formatEstimate,
  IMPACT_LABELS,
  parseEstimate,
  type EstimateField,
} from '../utils/estimates';
import { flagLabel, STATUS_LABELS, TYPE_LABELS } from '../utils/labels';
import { SourceLink, trackerOwns } from '../../integrations/components/SourceLink';
import { EditableCell } from './EditableCell';
import { KrChips } from './KrChips';
import { Missing } from './Missing';

export type EditableField = 'status' | EstimateField;

/** Stable callbacks shared by every row, so rows re-render only when their own data changes. */
export interface RowHandlers {
  select(index: number, extend: boolean): void;
  edit(id: string, field: EditableField | null): void;
  saveField(id: string, field: EditableField, value: unknown): void;
  invalid(message: string): void;
  tag(id: string): void;
  open(id: string): void;
  focusRow(index: number): void;
}

const IMPACT_OPTIONS = [
  { value: '', label: '— (none)' },
  ...IMPACT_VALUES.map((v) => ({ value: String(v), label: `${v} ${IMPACT_LABELS[v]}` })),
];
const STATUS_OPTIONS = ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].text }));

const isInteractive = (target: EventTarget) =>
  target instanceof Element && Boolean(target.closest('button, a, input, select, label, textarea'));

type RowProps = Omit<ComponentProps<typeof BacklogRowView>, 'sortable'>;

/**
 * A row that can be dragged. Only used while re-ranking is possible: every
 * sortable row subscribes to the drag context, and mounting one re-renders
 * the others, which costs frames while scrolling a long list.
 */
export const SortableBacklogRow = memo(function SortableBacklogRow(props: RowProps) {
  const sortable = useSortable({ id: props.item.id });
  return <BacklogRowView {...props} sortable={sortable} />;
});

export const BacklogRowView = memo(function BacklogRowView({
  item,
  index,
  top,
  open,
  active,
  selected,
  editingField,
  issue,
  wide,
  showValue,
  showFlags,
  canEdit,
  canDrag,
  reference,
  handlers,
  sortable,
}: {
  item: BacklogRow;
  index: number;
  /** Offset from the top of the body, from the virtualizer. */
  top: number;
  /** Its detail panel is open. */
  open: boolean;
  active: boolean;
  selected: boolean;
  editingField: EditableField | null;
  issue: RowIssue | undefined;
  wide: boolean;
  showValue: boolean;
  showFlags: boolean;
  canEdit: boolean;
  canDrag: boolean;
  reference: ReferenceData;
  handlers: RowHandlers;
  /** Present on draggable rows (SortableBacklogRow). */
  sortable?: ReturnType<typeof useSortable>;
}) {
  const location = useLocation();
  // Controls of inactive rows leave the tab order: Tab goes row → its cells → out of the table.
  const tab = active ? 0 : -1;
  const transform = sortable?.transform ? { ...sortable.transform, x: 0 } : null;
  const columns = ESTIMATE_COLUMNS.filter((c) => wide || c.group === 'rice');
  const team = item.teamId ? (reference.teamById.get(item.teamId)?.name ?? 'Unknown team') : null;
  const status = STATUS_LABELS[item.status];

  const onRowClick = (event: MouseEvent) => {
    if (isInteractive(event.target)) return;
    if (event.shiftKey && canEdit) handlers.select(index, true);
    else handlers.open(item.id);
  };

  const editProps = (field: EditableField) => ({
    editing: editingField === field,
    onEditingChange: (on: boolean) => handlers.edit(item.id, on ? field : null),
    onInvalid: handlers.invalid,
    tabIndex: tab,
  });

  return (
    <div
      role="row"
      ref={sortable?.setNodeRef}
      data-index={index}
      data-id={item.id}
      aria-rowindex={index + 2}
      tabIndex={tab}
      className={`bl-tr bl-row${selected ? ' is-selected' : ''}${sortable?.isDragging ? ' is-dragging' : ''}${issue ? ' has-issue' : ''}${open ? ' is-open' : ''}`}
      style={{
        top,
        ...(sortable && { transform: CSS.Transform.toString(transform), transition: sortable.transition }),
      }}
      onClick={onRowClick}
      onFocus={() => handlers.focusRow(index)}
    >
      {canEdit && (
        <div role="cell" className="bl-td bl-col-select">
          <input
            type="checkbox"
            checked={selected}
            tabIndex={tab}
            aria-label={`Select "${item.title}"`}
            onClick={(e) => handlers.select(index, e.shiftKey)}
            onChange={() => undefined}
          />
        </div>
      )}
      <div role="cell" className="bl-td bl-col-rank num">
        {canDrag && sortable && (
          <button
            type="button"
            ref={sortable.setActivatorNodeRef}
            className="bl-drag"
            {...sortable.attributes}
            {...sortable.listeners}
            tabIndex={tab}
            aria-label={`Drag to re-rank "${item.title}"`}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        {formatNumber(index + 1)}
      </div>
      <div role="cell" className="bl-td bl-col-title">
        <Link
          to={{ pathname: `/backlog/${item.id}`, search: location.search }}
          className="bl-title"
          tabIndex={tab}
          title={item.externalKey ? `${item.externalKey}: ${item.title}` : item.title}
        >
          {item.title}
        </Link>
        {item.source && <SourceLink source={item.source} compact tabIndex={tab} />}
        {issue && (
          <span className="bl-notsaved">
            <span aria-hidden="true">▲</span> Not saved
          </span>
        )}
      </div>
      <div role="cell" className="bl-td bl-col-type">
        <span className="bl-ellipsis">{TYPE_LABELS[item.type]}</span>
      </div>
      <div role="cell" className={`bl-td bl-col-status${editingField === 'status' ? ' is-editing' : ''}`}>
        {canEdit && !trackerOwns(item, 'status') ? (
          <EditableCell<ItemStatus>
            label={`Status of "${item.title}"`}
            display={<StatusText status={item.status} />}
            displayText={status.text}
            initial={item.status}
            options={STATUS_OPTIONS}
            parse={(text) => ({ ok: true, value: text as ItemStatus })}
            onSave={(value) => handlers.saveField(item.id, 'status', value)}
            {...editProps('status')}
          />
        ) : (
          <StatusText status={item.status} />
        )}
      </div>
      <div role="cell" className="bl-td bl-col-team" title={team ?? undefined}>
        {team ? <span className="bl-ellipsis">{team}</span> : <Missing label="No team" />}
      </div>
      <div role="cell" className="bl-td bl-col-krs">
        <KrChips
          links={item.links}
          reference={reference}
          itemTitle={item.title}
          onTag={canEdit ? () => handlers.tag(item.id) : undefined}
          tabIndex={tab}
        />
      </div>
      {columns.map((col) => {
        const value = item[col.field];
        const shown = formatEstimate(col.field, value);
        return (
          <div
            role="cell"
            key={col.field}
            className={`bl-td bl-col-num num${editingField === col.field ? ' is-editing' : ''}`}
          >
            {canEdit && !trackerOwns(item, col.field) ? (
              <EditableCell<number | null>
                label={`${col.label} of "${item.title}"`}
                display={shown}
                displayText={value === null ? 'No data' : shown}
                initial={estimateToInput(col.field, value)}
                options={col.editor === 'impact' ? IMPACT_OPTIONS : undefined}
                parse={(text) => parseEstimate(col.field, text)}
                onSave={(v) => handlers.saveField(item.id, col.field, v)}
                className="num"
                {...editProps(col.field)}
              />
            ) : value === null ? (
              <Missing />
            ) : (
              shown
            )}
          </div>
        );
      })}
      {showValue && (
        <div role="cell" className="bl-td bl-col-num num">
          {item.valueScore === null ? <Missing label="Not scorable" /> : formatValueScore(item.valueScore)}
        </div>
      )}
      {showFlags && (
        <div role="cell" className="bl-td bl-col-flags">
          <FlagsText flags={item.flags} />
        </div>
      )}
    </div>
  );
});

/** Whole numbers from 100 up, one decimal below: enough to rank by, narrow enough for the column. */
export function formatValueScore(score: number): string {
  return formatNumber(Math.abs(score) >= 100 ? Math.round(score) : Math.round(score * 10) / 10);
}

function StatusText({ status }: { status: ItemStatus }) {
  const s = STATUS_LABELS[status];
  return (
    <span className={`bl-status bl-status-${status}`}>
      <span aria-hidden="true">{s.icon}</span> {s.text}
    </span>
  );
}

function FlagsText({ flags }: { flags: BacklogRow['flags'] }) {
  const [first, ...rest] = flags;
  if (!first) return null;
  return (
    <span className="bl-flags" title={flags.map((f) => f.message).join('\n')}>
      <span aria-hidden="true">⚑ </span>
      {flagLabel(first.code)}
      {rest.length > 0 && ` +${rest.length}`}
      <span className="sr-only">: {flags.map((f) => f.message).join('; ')}</span>
    </span>
  );
}
