import { useId } from 'react';
import type { Plan, PlanRow } from '@keyline/shared';
import { formatNumber, formatPercent } from '../../../lib/format';
import { EffortShareBars } from '../../dashboard/components/EffortShareBars';
import { capacityLine } from '../utils/planner-state';
import { PlanItems } from './PlanItems';

/**
 * One plan: capacity used, the items that fit with the cut line, effort per
 * objective against its weight, KRs covered and left with no work, and the
 * misaligned share.
 */
export function PlanColumn({
  plan,
  title,
  description,
  onInclude,
  onExclude,
  onApply,
}: {
  plan: Plan;
  title: string;
  description: string;
  onInclude: (row: PlanRow) => void;
  onExclude: (row: PlanRow) => void;
  /** Present for editors: applies this plan as the backlog's rank order. */
  onApply?: () => void;
}) {
  const headingId = useId();
  const covered = plan.coveredKeyResults.length;
  const total = covered + plan.uncoveredKeyResults.length;
  const usedShare = plan.capacity > 0 ? Math.min(1, plan.usedEffort / plan.capacity) : 0;
  return (
    <section className="plan-column" aria-labelledby={headingId} data-testid="plan-column">
      <h2 id={headingId}>{title}</h2>
      <p className="meta">{description}</p>
      <div className="plan-capacity">
        <span className="plan-capacity-track" aria-hidden="true">
          <span
            className={`plan-capacity-fill${plan.remainingCapacity < 0 ? ' over' : ''}`}
            style={{ width: `${usedShare * 100}%` }}
          />
        </span>
        <span className="num" data-testid="capacity-line">
          {capacityLine(plan)}
        </span>
      </div>
      <dl className="plan-figures">
        <div>
          <dt>Key results covered</dt>
          <dd className="num" data-testid="kr-coverage">
            {covered} of {total}
          </dd>
        </div>
        <div>
          <dt>Misaligned effort</dt>
          <dd className="num" data-testid="plan-misaligned">
            {formatPercent(plan.misalignedEffortShare)}
            {plan.misalignedEffort > 0 && <span className="meta"> ({formatNumber(plan.misalignedEffort)} pts)</span>}
          </dd>
        </div>
      </dl>
      <PlanItems plan={plan} label={title} onInclude={onInclude} onExclude={onExclude} />
      {onApply && plan.items.length > 0 && (
        <button type="button" className="button primary plan-apply" onClick={onApply}>
          Apply as rank order
        </button>
      )}
      <h3>Effort per objective against weight</h3>
      <EffortShareBars
        objectives={plan.objectives}
        misalignedShare={plan.misalignedEffortShare}
        caption={`${title}: effort share and weight share per company objective`}
        empty="Nothing planned yet, so no effort to share out."
      />
      <h3>Left with no work</h3>
      {plan.uncoveredKeyResults.length === 0 ? (
        <p>Every key result of the quarter has planned work.</p>
      ) : (
        <ul className="plan-uncovered" aria-label={`${title}: key results left with no work`}>
          {plan.uncoveredKeyResults.map((kr) => (
            <li key={kr.keyResultId}>{kr.title}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
