import type { Cycle, Team } from '@keyline/shared';
import type { AlignmentFilters } from '../utils/url-state';

/** Which cycle and team the figures are for; held in the URL by the page. */
export function AlignmentFilterBar({
  filters,
  cycles,
  teams,
  onChange,
}: {
  filters: AlignmentFilters;
  cycles: readonly Cycle[];
  teams: readonly Team[];
  onChange: (filters: AlignmentFilters) => void;
}) {
  const active = cycles.find((c) => c.status === 'active');
  return (
    <div className="alignment-filters">
      <label className="inline-field">
        <span>Cycle</span>
        <select
          value={filters.cycleId ?? ''}
          onChange={(e) => onChange({ ...filters, cycleId: e.target.value || null })}
        >
          <option value="">{active ? `${active.name} (active)` : 'Active cycle'}</option>
          {cycles
            .filter((c) => c.id !== active?.id)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.status})
              </option>
            ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Team</span>
        <select value={filters.teamId ?? ''} onChange={(e) => onChange({ ...filters, teamId: e.target.value || null })}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
