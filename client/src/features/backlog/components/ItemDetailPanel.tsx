import type { BacklogRow } from '@keyline/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { ScoreBreakdown } from '../../alignment/components/ScoreBreakdown';
import { backlogItemKeys } from '../../../lib/query-keys';
import { backlogItemsApi } from '../api/backlog-items.api';
import { findCachedItem } from '../api/item-cache';
import type { ItemActions } from '../hooks/useItemActions';
import type { ReferenceData } from '../hooks/useReferenceData';
import type { RowIssue } from '../hooks/useRowIssues';
import { flagLabel } from '../utils/labels';
import { formatValueScore } from './BacklogRowView';
import { describeConflict } from './RowConflicts';
import { SourceLink } from '../../integrations/components/SourceLink';
import { ItemComments } from '../../comments/components/ItemComments';
import { DeleteItem } from './DeleteItem';
import { ItemForm } from './ItemForm';
import { ItemLinks } from './ItemLinks';
import { ItemOutcome } from './ItemOutcome';
import { ItemSummary } from './ItemSummary';

/**
 * /backlog/:itemId — every field of one item beside the table. Editors edit
 * and delete; viewers read, and everyone comments. Esc or Close returns to the list.
 */
export function ItemDetailPanel({
  itemId,
  reference,
  canEdit,
  actions,
  issue,
  onClose,
  onTag,
  onMoveToTop,
}: {
  itemId: string;
  reference: ReferenceData;
  canEdit: boolean;
  actions: ItemActions;
  issue: RowIssue | undefined;
  onClose: () => void;
  onTag: (item: BacklogRow) => void;
  onMoveToTop: (item: BacklogRow) => void;
}) {
  const qc = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formKey, setFormKey] = useState(0);
  const query = useQuery({
    queryKey: backlogItemKeys.detail(itemId),
    queryFn: ({ signal }) => backlogItemsApi.get(itemId, signal),
    // Opening from the table shows the row at once; the fetch confirms it.
    initialData: () => findCachedItem(qc, itemId),
    initialDataUpdatedAt: 0,
  });
  const item = query.data;
  const krTitles = useMemo(
    () => new Map([...reference.keyResultById].map(([id, kr]) => [id, kr.title])),
    [reference.keyResultById],
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, [itemId]);

  const conflict = issue?.kind === 'conflict' ? issue : undefined;

  return (
    <aside
      className="bl-panel"
      aria-labelledby="bl-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="bl-panel-head">
        <h2 id="bl-panel-title" ref={headingRef} tabIndex={-1}>
          {item ? item.title : 'Backlog item'}
        </h2>
        <button type="button" className="button ghost" onClick={onClose} aria-label="Close the item panel">
          ✕ Close
        </button>
      </div>
      {query.isError && !item && (
        <div role="alert">
          <p>
            {query.error instanceof ApiError && query.error.status === 404
              ? 'This item no longer exists; someone may have deleted it.'
              : `Couldn't load this item. ${query.error.message}`}
          </p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      )}
      {!item && query.isPending && <p role="status">Loading…</p>}
      {item && (
        <>
          <p className="meta">
            {item.source ? (
              <>
                <SourceLink source={item.source} />
                {' · '}
              </>
            ) : (
              item.externalKey && `${item.externalKey} · `
            )}
            Updated {formatDateTime(item.updatedAt)} · version {item.version}
          </p>
          {item.archivedAt && (
            <p className="meta" role="note">
              Archived {formatDateTime(item.archivedAt)}: it no longer matches its connection's query, so the backlog
              hides it. Its links and history are kept; it comes back if it matches again.
            </p>
          )}
          {conflict && (
            <ConflictNotice
              error={conflict.error}
              what="item"
              describe={(current) => describeConflict(conflict, current)}
              onReload={() => {
                actions.keepTheirs(
                  item.id,
                  ((conflict.error as ApiError).body?.current ?? {}) as Record<string, unknown>,
                );
                setFormKey((k) => k + 1);
              }}
              onReapply={(current) => void actions.applyMine(item.id, current, conflict.patch, conflict.what)}
            />
          )}
          {item.valueScore !== undefined && (
            <section className="bl-panel-value" aria-labelledby="bl-value-title">
              <h3 id="bl-value-title">
                Value score: {item.valueScore === null ? 'not scorable' : formatValueScore(item.valueScore)}
              </h3>
              {item.flags.length > 0 && (
                <ul className="bl-panel-flags" aria-label="Flags">
                  {item.flags.map((f) => (
                    <li key={f.code}>
                      <span aria-hidden="true">⚑ </span>
                      <strong>{flagLabel(f.code)}:</strong> {f.message}
                    </li>
                  ))}
                </ul>
              )}
              {item.breakdown !== undefined && (
                <details className="bl-why">
                  <summary>Why this score</summary>
                  <ScoreBreakdown breakdown={item.breakdown} keyResultTitles={krTitles} />
                </details>
              )}
            </section>
          )}
          {canEdit ? (
            <ItemForm
              key={formKey}
              item={item}
              reference={reference}
              onSave={(patch) => actions.saveFields(item.id, patch, 'your changes')}
            />
          ) : (
            <ItemSummary item={item} reference={reference} />
          )}
          <ItemOutcome
            key={`${item.id}-${item.doneAt ?? ''}`}
            item={item}
            canEdit={canEdit}
            onSaveDoneAt={(doneAt) => actions.saveFields(item.id, { doneAt }, 'the done date')}
          />
          <ItemLinks
            item={item}
            reference={reference}
            canEdit={canEdit}
            onStrength={(krId, strength) => void actions.setLink(item.id, krId, strength).catch(() => undefined)}
            onRemove={(krId, title) => void actions.removeLink(item, krId, title)}
            onTag={() => onTag(item)}
          />
          <ItemComments itemId={item.id} />
          {canEdit && (
            <section className="bl-panel-section" aria-label="Rank">
              <button type="button" className="button" onClick={() => onMoveToTop(item)}>
                Move to top
              </button>
            </section>
          )}
          {/* A synced item leaves with its issue (archived) or stays when its connection is deleted. */}
          {canEdit && !item.source && (
            <DeleteItem
              item={item}
              onDelete={() => actions.remove(item).then(onClose)}
              onReload={() => setFormKey((k) => k + 1)}
            />
          )}
        </>
      )}
    </aside>
  );
}
