import type { DashboardKeyResult } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';
import { ConfidenceBadge } from '../../key-results/components/ConfidenceBadge';
import { STATUS_BAND } from '../../key-results/utils/confidence';
import { KeyResultName } from './KeyResultName';

/** Why a KR is at risk, in words: progress is measured, confidence is judged, and either can flag it. */
export function riskReasons(
  kr: Pick<DashboardKeyResult, 'atRiskReasons' | 'progress' | 'expectedProgress' | 'confidence' | 'lastCheckInAt'>,
): string {
  const reasons = kr.atRiskReasons.map((reason) => {
    if (reason === 'behind-pace') {
      const done = kr.lastCheckInAt === null ? 'no check-in yet' : `${formatPercent(kr.progress)} done`;
      return `behind pace (${done}, pace expects ${formatPercent(kr.expectedProgress)})`;
    }
    return `low confidence (${kr.confidence ?? '—'}/10)`;
  });
  return reasons.join('; ');
}

/** The KRs at risk, off track first, each with its reason: what a leader asks about first. */
export function AtRiskList({
  keyResults,
  objectiveTitle,
  linked,
}: {
  keyResults: DashboardKeyResult[];
  objectiveTitle: (id: string) => string;
  linked: boolean;
}) {
  const atRisk = keyResults.filter((kr) => kr.atRisk);
  return (
    <section className="dash-section" aria-labelledby="dash-at-risk">
      <h2 id="dash-at-risk">Key results at risk</h2>
      {atRisk.length === 0 ? (
        <p>No key result is behind pace or at low confidence.</p>
      ) : (
        <ul className="dash-risk-list" data-testid="at-risk-list">
          {atRisk.map((kr) => (
            <li key={kr.id} className="dash-card dash-risk">
              <ConfidenceBadge confidence={kr.confidence} band={STATUS_BAND[kr.status]} />
              <div className="dash-risk-text">
                <strong>
                  <KeyResultName id={kr.id} title={kr.title} linked={linked} />
                </strong>
                <span className="meta"> · {objectiveTitle(kr.objectiveId)}</span>
                <div className="dash-risk-reason">{riskReasons(kr)}</div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
