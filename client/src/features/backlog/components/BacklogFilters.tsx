import { ITEM_FLAG_CODES, ITEM_STATUSES, ITEM_TYPES } from '@keyline/shared';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { ReferenceData } from '../hooks/useReferenceData';
import { flagLabel, STATUS_LABELS, TYPE_LABELS } from '../utils/labels';
import { hasFilters, type BacklogView } from '../utils/view';
import { MultiSelectMenu } from './MultiSelectMenu';

const SEARCH_DEBOUNCE_MS = 250;
const STATUS_OPTIONS = ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].text }));
const TYPE_OPTIONS = ITEM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));
const FLAG_OPTIONS = ITEM_FLAG_CODES.map((f) => ({ value: f, label: flagLabel(f) }));

/** Filters and column choice; every change goes to the URL, so the view survives a reload. */
export function BacklogFilters({
  view,
  setView,
  reference,
  onClear,
  searchRef,
}: {
  view: BacklogView;
  setView: (next: (view: BacklogView) => BacklogView, options?: { replace?: boolean }) => void;
  reference: ReferenceData;
  onClear: () => void;
  searchRef?: Ref<HTMLInputElement>;
}) {
  const [text, setText] = useState(view.q);
  const typing = useRef(false);
  // Follow the URL (back button, Clear filters) unless the user is mid-word.
  useEffect(() => {
    if (!typing.current) setText(view.q);
  }, [view.q]);
  useEffect(() => {
    if (!typing.current) return;
    const timer = setTimeout(() => {
      typing.current = false;
      setView((v) => ({ ...v, q: text }), { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setView]);

  const krGroups = reference.activeObjectives.map((o) => ({
    objective: o,
    krs: reference.activeKrOptions.filter((kr) => reference.keyResultById.get(kr.id)?.objectiveId === o.id),
  }));

  return (
    <div className="bl-filters" role="search" aria-label="Filter the backlog">
      <input
        ref={searchRef}
        type="search"
        className="bl-search"
        aria-label="Search items"
        aria-keyshortcuts="/"
        placeholder="Search items (press /)"
        value={text}
        onChange={(e) => {
          typing.current = true;
          setText(e.target.value);
        }}
      />
      <MultiSelectMenu
        label="Status"
        options={STATUS_OPTIONS}
        selected={view.status}
        onChange={(status) => setView((v) => ({ ...v, status }))}
      />
      <MultiSelectMenu
        label="Type"
        options={TYPE_OPTIONS}
        selected={view.type}
        onChange={(type) => setView((v) => ({ ...v, type }))}
      />
      <MultiSelectMenu
        label="Flags"
        options={FLAG_OPTIONS}
        selected={view.flag}
        onChange={(flag) => setView((v) => ({ ...v, flag }))}
      />
      <select
        aria-label="Team"
        value={view.teamId ?? ''}
        onChange={(e) => setView((v) => ({ ...v, teamId: e.target.value || null }))}
      >
        <option value="">All teams</option>
        {reference.teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Objective"
        value={view.objectiveId ?? ''}
        onChange={(e) => setView((v) => ({ ...v, objectiveId: e.target.value || null }))}
      >
        <option value="">All objectives</option>
        {reference.activeObjectives.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
      <select
        aria-label="Key result"
        value={view.keyResultId ?? ''}
        onChange={(e) => setView((v) => ({ ...v, keyResultId: e.target.value || null }))}
      >
        <option value="">All key results</option>
        {krGroups.map(({ objective, krs }) => (
          <optgroup key={objective.id} label={objective.title}>
            {krs.map((kr) => (
              <option key={kr.id} value={kr.id}>
                {kr.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label className="bl-toggle">
        <input
          type="checkbox"
          checked={view.unlinked}
          onChange={(e) => setView((v) => ({ ...v, unlinked: e.target.checked }))}
        />
        No KR link
      </label>
      {hasFilters(view) && (
        <button type="button" className="button ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
