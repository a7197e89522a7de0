import type { ItemOutcomeState } from '@keyline/shared';
import { OUTCOME_BADGE } from '../utils/outcome-format';
import './outcome-badge.css';

/** "↗ Moved", "→ Not moved", "… Waiting for a check-in": icon and word, provisional said in words too. */
export function OutcomeBadge({ state, provisional = false }: { state: ItemOutcomeState; provisional?: boolean }) {
  const { icon, label } = OUTCOME_BADGE[state];
  return (
    <span className={`outcome-badge outcome-${state}`}>
      <span aria-hidden="true">{icon}</span> {label}
      {provisional && state !== 'waiting' && <span className="outcome-provisional"> · provisional</span>}
    </span>
  );
}
