import { Link } from 'react-router';
import type { ItemOutcomeDto, KeyResult, OutcomeReportDto } from '@keyline/shared';
import { formatDay, formatPercent } from '../../../lib/format';
import { OutcomeBadge } from '../../outcomes/components/OutcomeBadge';
import { linkState } from '../../outcomes/utils/kr-outcomes';
import { movementSentence } from '../../outcomes/utils/outcome-format';

/**
 * "What moved this KR": the linked items that shipped during its quarter,
 * newest first, with what the KR did in the window after each.
 */
export function WhatMoved({ keyResult: kr, report }: { keyResult: KeyResult; report: OutcomeReportDto }) {
  const { windowDays, noiseThreshold } = report.settings;
  return (
    <section className="kr-section" aria-labelledby="what-moved-title" data-testid="what-moved">
      <h2 id="what-moved-title">What moved this key result</h2>
      <p className="meta">
        Each shipped item against the {windowDays} days after it: moved means the KR gained more than{' '}
        {formatPercent(noiseThreshold)} of its range beyond the pace it already had. {report.note}
      </p>
      {report.items.length === 0 ? (
        <p className="meta">
          No linked item has shipped during this quarter yet. Once one is done, the check-ins after it show here whether
          the key result moved.
        </p>
      ) : (
        <ul className="what-moved-list">
          {report.items.map((item) => (
            <ShippedRow key={`${item.itemId}-${item.cycleId}`} item={item} keyResult={kr} />
          ))}
        </ul>
      )}
      {report.itemCount > report.items.length && (
        <p className="meta">
          Showing {report.items.length} of {report.itemCount}.
        </p>
      )}
    </section>
  );
}

function ShippedRow({ item, keyResult: kr }: { item: ItemOutcomeDto; keyResult: KeyResult }) {
  const link = item.links.find((l) => l.keyResultId === kr.id) ?? item.links[0];
  if (!link) return null;
  const shared = link.sharedWith;
  return (
    <li className="what-moved-item">
      <div className="what-moved-line">
        <Link to={`/backlog/${item.itemId}`}>{item.title}</Link>
        <OutcomeBadge state={linkState(link)} provisional={link.provisional} />
      </div>
      <div className="meta">
        Done {formatDay(item.doneAt)}
        {item.effort !== null && <> · {item.effort} pts</>}
      </div>
      <div className="what-moved-movement">{movementSentence(link, kr.metricType)}</div>
      {shared.length > 0 && (
        <div className="meta">
          Shipped within {shared.length === 1 ? 'one window' : 'the same window'} of{' '}
          {shared.map((s) => s.title).join(', ')}: they share the credit, {formatPercent(link.creditShare)} of it this
          item's by link strength.
        </div>
      )}
    </li>
  );
}
