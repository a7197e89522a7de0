import type { Plan, PlanRow } from '@keyline/shared';
import { formatCompact, formatNumber } from '../../../lib/format';

interface Actions {
  onInclude: (row: PlanRow) => void;
  onExclude: (row: PlanRow) => void;
}

function Row({
  row,
  position,
  actions,
  below,
}: {
  row: PlanRow;
  position: number | null;
  actions: Actions;
  below?: boolean;
}) {
  return (
    <li
      className={`plan-item${below ? ' plan-item-below' : ''}${row.forced ? ' plan-item-forced' : ''}`}
      data-testid={below ? 'plan-below' : 'plan-item'}
    >
      <span className="plan-pos num">{position ?? ''}</span>
      <span className="plan-title">
        {row.title}
        {row.forced && <span className="badge plan-forced">Included by you</span>}
      </span>
      <span className="plan-effort num" title="Effort">
        {formatNumber(row.effort)}
        <span className="sr-only"> pts</span>
      </span>
      <span
        className="plan-value num"
        title={row.valueScore === null ? 'Value score' : `Value score ${formatNumber(Math.round(row.valueScore))}`}
      >
        <span className="sr-only">value </span>
        {row.valueScore === null ? (
          <span className="meta">Not scorable</span>
        ) : (
          formatCompact(Math.round(row.valueScore))
        )}
      </span>
      <span className="plan-action">
        {below ? (
          <button
            type="button"
            className="button small"
            onClick={() => actions.onInclude(row)}
            aria-label={`Include ${row.title}`}
          >
            Include
          </button>
        ) : row.forced ? (
          <button
            type="button"
            className="button small"
            onClick={() => actions.onInclude(row)}
            aria-label={`Stop forcing ${row.title}`}
          >
            Unforce
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            onClick={() => actions.onExclude(row)}
            aria-label={`Leave out ${row.title}`}
          >
            Leave out
          </button>
        )}
      </span>
    </li>
  );
}

/**
 * A plan's items in order with the cut line where the first item that did
 * not fit would have gone; smaller items that still fitted the gap sit below
 * it, then the first few that did not fit at all.
 */
export function PlanItems({ plan, label, ...actions }: { plan: Plan; label: string } & Actions) {
  const cut = plan.cutLine;
  const firstMiss = cut ? plan.belowCut.find((r) => r.id === cut.beforeItemId) : undefined;
  const above = cut ? plan.items.slice(0, cut.index) : plan.items;
  const gapFillers = cut ? plan.items.slice(cut.index) : [];
  return (
    <div className="plan-items">
      <div className="plan-items-head meta" aria-hidden="true">
        <span>#</span>
        <span>Item</span>
        <span className="num">Effort</span>
        <span className="num">Value</span>
      </div>
      {plan.items.length === 0 ? (
        <p className="meta">Nothing fits this capacity yet.</p>
      ) : (
        <ol className="plan-list" aria-label={`${label}: items that fit`}>
          {above.map((row, i) => (
            <Row key={row.id} row={row} position={i + 1} actions={actions} />
          ))}
        </ol>
      )}
      {cut && (
        <p className="plan-cut" data-testid="cut-line">
          <span aria-hidden="true">✂ </span>
          Cut line: {firstMiss ? `“${firstMiss.title}” (${formatNumber(firstMiss.effort)} pts)` : 'the next item'} does
          not fit
          {gapFillers.length > 0
            ? `; ${gapFillers.length} smaller ${gapFillers.length === 1 ? 'item still fits' : 'items still fit'} the gap`
            : ''}
          .
        </p>
      )}
      {gapFillers.length > 0 && (
        <ol className="plan-list" start={above.length + 1} aria-label={`${label}: smaller items that fill the gap`}>
          {gapFillers.map((row, i) => (
            <Row key={row.id} row={row} position={above.length + i + 1} actions={actions} />
          ))}
        </ol>
      )}
      {plan.belowCut.length > 0 && (
        <details className="plan-below-list">
          <summary>Did not fit ({plan.belowCut.length === 10 ? 'first 10' : plan.belowCut.length})</summary>
          <ul className="plan-list" aria-label={`${label}: did not fit`}>
            {plan.belowCut.map((row) => (
              <Row key={row.id} row={row} position={null} actions={actions} below />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
