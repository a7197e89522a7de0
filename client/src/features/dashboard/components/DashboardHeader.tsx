import type { ReactNode } from 'react';
import type { Dashboard } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';
import { formatPoints } from '../../../lib/format';
import { misalignedHistory } from '../utils/effort-rows';
import { previousJudged } from '../utils/outcome-headline';
import { formatUtcStamp, plural, riskSummary } from '../utils/status';

/**
 * "2026-Q4, data as of 27 Nov 09:00 UTC" with the page's actions, the
 * at-risk-first summary and the headline figures as cards.
 */
export function DashboardHeader({
  dashboard,
  scope,
  actions,
}: {
  dashboard: Dashboard;
  scope: string;
  actions?: ReactNode;
}) {
  const { cycle, summary, headline } = dashboard;
  const history = misalignedHistory(dashboard.headlineHistory);
  const first = history[0];
  const misaligned = headline?.misalignedEffortShare ?? null;
  const outcomes = dashboard.outcomes;
  const before = outcomes ? previousJudged(outcomes) : null;
  const change = misaligned !== null && first && history.length > 1 ? formatPoints(misaligned - first.share) : null;
  return (
    <header className="dash-header">
      <div className="dash-title-row">
        <h1 className="dash-title">
          {cycle?.name ?? 'No quarter'}
          <span className="dash-asof">
            <span className="dash-asof-comma">,</span> data as of {formatUtcStamp(dashboard.asOf)}
          </span>
        </h1>
        {actions && <div className="row-actions dash-actions">{actions}</div>}
      </div>
      <p className="dash-scope meta">{scope}</p>
      <p className="dash-summary" data-testid="risk-summary">
        <strong>{riskSummary(summary)}</strong>
        <span className="meta">
          {' '}
          · {plural(summary.objectives, 'objective')}, {plural(summary.keyResults, 'key result')}
        </span>
      </p>
      <dl className="dash-cards">
        <div className="dash-card dash-figure">
          <dt>Misaligned effort</dt>
          <dd>
            <span className="dash-big num">{formatPercent(misaligned)}</span>
            {change && <span className="meta"> {change} this quarter</span>}
            {misaligned === null && <span className="meta"> No estimated open work</span>}
          </dd>
        </div>
        <div className="dash-card dash-figure">
          <dt>Key results with work behind them</dt>
          <dd>
            <span className="dash-big num">
              {headline ? `${headline.krCoverage.covered} of ${headline.krCoverage.total}` : '—'}
            </span>
          </dd>
        </div>
        {outcomes && (
          <div className="dash-card dash-figure" data-testid="outcome-headline">
            <dt>Shipped work that moved a KR</dt>
            <dd>
              <span className="dash-big num">{formatPercent(outcomes.hitRate)}</span>
              {outcomes.hitRate !== null && before && (
                <span className="meta">
                  {' '}
                  {formatPoints(outcomes.hitRate - (before.hitRate ?? 0))} on {before.name}
                </span>
              )}
              <span className="meta dash-figure-note">
                {outcomes.judged === 0
                  ? outcomes.shipped === 0
                    ? 'Nothing shipped yet'
                    : 'Waiting for check-ins'
                  : outcomes.sampleNote || `${outcomes.hits} of ${outcomes.judged} items`}
              </span>
            </dd>
          </div>
        )}
        <div className="dash-card dash-figure">
          <dt>Check-ins due</dt>
          <dd>
            <span className="dash-big num">{summary.checkInsDue}</span>
            <span className="meta"> after {plural(dashboard.checkInCadenceDays, 'day')} without one</span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
