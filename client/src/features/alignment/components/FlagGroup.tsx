import { useRef, useState } from 'react';
import { formatNumber } from '../../../lib/format';
import { useFlaggedItems } from '../hooks/useAlignmentQueries';
import type { FlagGroupSpec } from '../utils/flag-fixes';
import { FlaggedRow } from './FlaggedRow';
import type { KeyResultOption } from './TagSuggestions';

/** One collapsible group of the flagged list; its items load when it opens. */
export function FlagGroup({
  spec,
  count,
  teamId,
  canEdit,
  initiallyOpen,
  keyResults,
  keyResultTitles,
}: {
  spec: FlagGroupSpec;
  count: number;
  teamId: string | null;
  canEdit: boolean;
  initiallyOpen: boolean;
  keyResults: readonly KeyResultOption[];
  keyResultTitles: ReadonlyMap<string, string>;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useFlaggedItems(spec.code, teamId, open);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const bodyId = `flag-group-${spec.code}-items`;
  return (
    <section id={`flag-group-${spec.code}`} className="flag-group" aria-labelledby={`flag-group-${spec.code}-heading`}>
      <h3 id={`flag-group-${spec.code}-heading`} className="flag-group-heading">
        <button
          ref={toggle}
          type="button"
          className="flag-group-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {spec.label}{' '}
          <span className="badge" data-testid={`flag-count-${spec.code}`}>
            {formatNumber(count)}
          </span>
        </button>
      </h3>
      <div id={bodyId} hidden={!open}>
        <p className="meta">{spec.hint}</p>
        {open && list.isPending && <p role="status">Loading items…</p>}
        {list.isError && (
          <p role="alert">
            Couldn't load these items: {list.error.message}{' '}
            <button type="button" className="button" onClick={() => void list.refetch()}>
              Try again
            </button>
          </p>
        )}
        {list.isSuccess && items.length === 0 && <p>No item carries this flag.</p>}
        {items.length > 0 && (
          <ul className="flag-rows" aria-label={spec.label}>
            {items.map((item) => (
              <FlaggedRow
                key={item.id}
                item={item}
                code={spec.code}
                canEdit={canEdit}
                keyResults={keyResults}
                keyResultTitles={keyResultTitles}
                onFixed={() => toggle.current?.focus()}
              />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="button"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage
              ? 'Loading…'
              : `Show more (${formatNumber(items.length)} of ${formatNumber(list.data?.pages[0]?.total ?? count)} shown)`}
          </button>
        )}
      </div>
    </section>
  );
}
