import type { BacklogRow } from '@keyline/shared';
import { MISSING } from '../../../lib/format';

import type { ReferenceData } from '../hooks/useReferenceData';
import { Missing } from './Missing';
import { ESTIMATE_COLUMNS, formatEstimate } from '../utils/estimates';
import { STATUS_LABELS, TYPE_LABELS } from '../utils/labels';

/** What a viewer sees in the panel: the same fields, read-only. */
export function ItemSummary({ item, reference }: { item: BacklogRow; reference: ReferenceData }) {
  const team = item.teamId ? (reference.teamById.get(item.teamId)?.name ?? 'Unknown team') : 'No team';
  return (
    <div className="bl-summary">
      {item.description ? (
        <p className="bl-description">{item.description}</p>
      ) : (
        <p className="meta">No description.</p>
      )}
      <dl className="bl-dl">
        {[
          ['Type', TYPE_LABELS[item.type]],
          ['Status', STATUS_LABELS[item.status].text],
          ['Team', team],
          ['Labels', item.labels.length ? item.labels.join(', ') : MISSING],
        ].map(([term, value]) => (
          <div key={term} className="bl-dl-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {ESTIMATE_COLUMNS.map((c) => (
          <div key={c.field} className="bl-dl-row">
            <dt>{c.header}</dt>
            <dd className="num">{item[c.field] === null ? <Missing /> : formatEstimate(c.field, item[c.field])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
