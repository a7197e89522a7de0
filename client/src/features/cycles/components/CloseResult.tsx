import { Link } from 'react-router';
import type { CloseCycleResult } from '@keyline/shared';

/** What the close did: the quarter closed, what was carried where, and the way on to the next quarter. */
export function CloseResult({
  result,
  titleOf,
}: {
  result: CloseCycleResult;
  titleOf: (keyResultId: string) => string;
}) {
  const moved = result.carried.reduce((sum, c) => sum + c.movedItemIds.length, 0);
  const next = result.nextCycle;
  return (
    <div className="wizard-result" data-testid="close-result">
      <p role="status" className="wizard-done">
        <span aria-hidden="true">✓ </span>
        {result.closedCycle.name} is closed.
        {next && result.carried.length > 0 && (
          <>
            {' '}
            {result.carried.length === 1 ? '1 key result' : `${result.carried.length} key results`} and{' '}
            {moved === 1 ? '1 backlog link' : `${moved} backlog links`} moved to {next.name}.
          </>
        )}
        {next && result.nextCycleActivated && <> {next.name} is now the active quarter.</>}
      </p>
      {result.carried.length > 0 && (
        <ul className="wizard-carried">
          {result.carried.map((c) => (
            <li key={c.fromKeyResultId}>
              {titleOf(c.fromKeyResultId)} <span className="meta">→ continues in {next?.name}</span>
              {c.movedItemIds.length > 0 && (
                <span className="meta">
                  {' '}
                  with {c.movedItemIds.length === 1 ? '1 backlog link' : `${c.movedItemIds.length} backlog links`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        {next && (
          <Link className="button primary" to={`/okrs?cycle=${next.id}`}>
            Open {next.name}'s OKRs
          </Link>
        )}
        <Link className="button" to={`/cycles/${result.closedCycle.id}/grades`}>
          {result.closedCycle.name} grades
        </Link>
      </div>
    </div>
  );
}
