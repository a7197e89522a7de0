import { useId } from 'react';
import type { Cycle, Team } from '@keyline/shared';
import { STATUS_LABEL } from '../../cycles/utils/cycle-status';

/** Capacity, quarter and team: the what-if's inputs. Nothing here writes anything. */
export function PlannerControls({
  capacityText,
  capacityError,
  onCapacity,
  cycles,
  cycleId,
  onCycle,
  teams,
  teamId,
  onTeam,
}: {
  capacityText: string;
  capacityError: string | null;
  onCapacity: (text: string) => void;
  cycles: Cycle[];
  cycleId: string | null;
  onCycle: (id: string) => void;
  teams: Team[];
  teamId: string | null;
  onTeam: (id: string) => void;
}) {
  const ids = { capacity: useId(), cycle: useId(), team: useId() };
  const errorId = `${ids.capacity}-error`;
  return (
    <div className="planner-controls">
      <div className="field">
        <label htmlFor={ids.capacity}>Capacity</label>
        <div className="okr-input-row">
          <input
            id={ids.capacity}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={capacityText}
            onChange={(e) => onCapacity(e.target.value)}
            aria-invalid={capacityError ? true : undefined}
            aria-describedby={capacityError ? errorId : undefined}
            className="planner-capacity"
          />
          <span className="okr-input-suffix">pts this quarter</span>
        </div>
        {capacityError && (
          <div id={errorId} className="error-text">
            {capacityError}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.cycle}>Quarter</label>
        <select id={ids.cycle} value={cycleId ?? ''} onChange={(e) => onCycle(e.target.value)}>
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({STATUS_LABEL[c.status].toLowerCase()})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.team}>Team</label>
        <select id={ids.team} value={teamId ?? ''} onChange={(e) => onTeam(e.target.value)}>
          <option value="">Everyone</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
