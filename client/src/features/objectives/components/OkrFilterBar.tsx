import { useId, type Ref } from 'react';
import type { Team } from '@keyline/shared';
import type { OwnerOption } from '../../users/hooks/useOwnerOptions';
import {
  hasOkrFilters,
  NONE,
  STATUS_FILTER_LABEL,
  STATUS_FILTERS,
  type OkrFilters,
  type StatusFilter,
} from '../utils/okr-filters';

/** Team, owner and status filters over the tree; the page keeps them in the URL. */
export function OkrFilterBar({
  filters,
  onChange,
  onClear,
  teams,
  owners,
  teamRef,
}: {
  filters: OkrFilters;
  onChange: (next: OkrFilters) => void;
  onClear: () => void;
  teams: readonly Team[];
  owners: readonly OwnerOption[];
  /** Where focus goes after "Clear filters", which disappears with them. */
  teamRef?: Ref<HTMLSelectElement>;
}) {
  const id = useId();
  const pick = (value: string) => (value === '' ? null : value);
  return (
    <div className="okr-filters" role="search" aria-label="Filter objectives and key results">
      <div className="okr-filter">
        <label htmlFor={`${id}-team`}>Team</label>
        <select
          id={`${id}-team`}
          ref={teamRef}
          value={filters.team ?? ''}
          onChange={(e) => onChange({ ...filters, team: pick(e.target.value) })}
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          <option value={NONE}>No team</option>
        </select>
      </div>
      <div className="okr-filter">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select
          id={`${id}-owner`}
          value={filters.owner ?? ''}
          onChange={(e) => onChange({ ...filters, owner: pick(e.target.value) })}
        >
          <option value="">All owners</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={NONE}>No owner</option>
        </select>
      </div>
      <div className="okr-filter">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(e) => onChange({ ...filters, status: pick(e.target.value) as StatusFilter | null })}
        >
          <option value="">All statuses</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_FILTER_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {hasOkrFilters(filters) && (
        <button type="button" className="button ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
