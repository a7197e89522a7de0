import type { Dashboard } from '@keyline/shared';
import { formatAge, formatDay, formatPercent } from '../../../lib/format';
import { KeyResultName } from './KeyResultName';

/**
 * The gaps a leader should ask about: KRs with no work behind them, work
 * done without the KR moving ("output without outcome"), and check-ins due.
 */
export function AttentionLists({ dashboard, linked, now }: { dashboard: Dashboard; linked: boolean; now: Date }) {
  const { noWork, outputWithoutOutcome, checkInsDue } = dashboard;
  return (
    <div className="dash-three">
      <section className="dash-section dash-card" aria-labelledby="dash-no-work">
        <h2 id="dash-no-work">No work behind them</h2>
        {noWork.length === 0 ? (
          <p>Every key result that is behind or at risk has open work linked to it.</p>
        ) : (
          <ul className="dash-plain" data-testid="no-work-list">
            {noWork.map((kr) => (
              <li key={kr.keyResultId}>
                <strong>
                  <KeyResultName id={kr.keyResultId} title={kr.title} linked={linked} />
                </strong>
                <div className="meta">{kr.message}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="dash-section dash-card" aria-labelledby="dash-owo">
        <h2 id="dash-owo">Output without outcome</h2>
        {outputWithoutOutcome.length === 0 ? (
          <p>No key result has its linked work mostly done while standing still.</p>
        ) : (
          <ul className="dash-plain" data-testid="owo-list">
            {outputWithoutOutcome.map((kr) => (
              <li key={kr.keyResultId}>
                <strong>
                  <KeyResultName id={kr.keyResultId} title={kr.title} linked={linked} />
                </strong>
                <div className="meta">
                  {kr.doneItems} of {kr.linkedItems} linked items done since {formatDay(kr.doneSince)}; progress{' '}
                  {formatPercent(kr.progressThen)} then, {formatPercent(kr.progressNow)} now.
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="dash-section dash-card" aria-labelledby="dash-due">
        <h2 id="dash-due">
          Check-ins due <span className="badge num">{checkInsDue.length}</span>
        </h2>
        {checkInsDue.length === 0 ? (
          <p>Every key result was checked in within the last {dashboard.checkInCadenceDays} days.</p>
        ) : (
          <ul className="dash-plain" data-testid="check-ins-due">
            {checkInsDue.map((kr) => (
              <li key={kr.keyResultId}>
                <KeyResultName id={kr.keyResultId} title={kr.title} linked={linked} />
                <div className="meta">
                  {kr.lastCheckInAt === null ? 'No check-in yet' : `Last check-in ${formatAge(kr.lastCheckInAt, now)}`}{' '}
                  · due since {formatDay(kr.dueSince)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
