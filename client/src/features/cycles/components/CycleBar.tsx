import { useId } from 'react';
import type { Cycle } from '@keyline/shared';
import { formatDay, formatPercent } from '../../../lib/format';
import { STATUS_LABEL } from '../utils/cycle-status';
import type { OkrDialog } from '../../objectives/components/OkrDialogs';

/** The quarter switcher with the quarter's dates, status and pace, and (for editors) its edit controls. */
export function CycleBar({
  cycles,
  cycle,
  pace,
  canEdit,
  onSelect,
  onAction,
}: {
  cycles: Cycle[];
  cycle: Cycle;
  pace: number;
  canEdit: boolean;
  onSelect: (id: string) => void;
  onAction: (dialog: OkrDialog) => void;
}) {
  const selectId = useId();
  return (
    <div className="cycle-bar">
      <div className="cycle-switcher">
        <label htmlFor={selectId}>Quarter</label>
        <select id={selectId} value={cycle.id} onChange={(e) => onSelect(e.target.value)}>
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({STATUS_LABEL[c.status].toLowerCase()})
            </option>
          ))}
        </select>
      </div>
      <p className="cycle-facts meta">
        <span className={`badge cycle-status status-${cycle.status}`}>{STATUS_LABEL[cycle.status]}</span>{' '}
        {formatDay(cycle.startsOn)} – {formatDay(cycle.endsOn)}
        {cycle.status === 'active' && <> · pace today {formatPercent(pace)}</>}
      </p>
      {canEdit && (
        <div className="row-actions cycle-actions">
          {cycle.status !== 'closed' && (
            <button type="button" className="button" onClick={() => onAction({ kind: 'edit-cycle', cycle })}>
              Edit quarter
            </button>
          )}
          <button type="button" className="button" onClick={() => onAction({ kind: 'new-cycle' })}>
            New quarter
          </button>
        </div>
      )}
    </div>
  );
}
