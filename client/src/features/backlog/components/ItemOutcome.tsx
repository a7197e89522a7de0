import { isoDay, type BacklogRow } from '@keyline/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../../../lib/format';
import { useOutcomes } from '../../outcomes/api/outcomes.api';
import { OutcomeBadge } from '../../outcomes/components/OutcomeBadge';
import { movementSentence } from '../../outcomes/utils/outcome-format';

/** The moment a date from the picker stands for: midnight UTC, so today's date is never "in the future". */
export const doneAtOf = (day: string) => `${day}T00:00:00.000Z`;

/**
 * A done item's done date (editable: teams record shipping late) and what
 * its key results did after it (docs/OUTCOMES.md). Correlation, not proof.
 */
export function ItemOutcome({
  item,
  canEdit,
  onSaveDoneAt,
}: {
  item: BacklogRow;
  canEdit: boolean;
  onSaveDoneAt: (doneAt: string) => Promise<boolean>;
}) {
  const id = useId();
  const savedDay = item.doneAt?.slice(0, 10) ?? '';
  const [day, setDay] = useState(savedDay);
  const [error, setError] = useState<string | null>(null);
  const report = useOutcomes({ itemId: item.id }, { enabled: item.status === 'done' });
  if (item.status !== 'done') return null;
  const outcome = report.data?.items.find((i) => i.itemId === item.id);
  const today = isoDay();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return setError('Pick the day it was done');
    if (day > today) return setError('The done date cannot be in the future');
    setError(null);
    await onSaveDoneAt(doneAtOf(day));
  };

  return (
    <section className="bl-panel-section bl-outcome" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Done, and what followed</h3>
      {canEdit ? (
        <form className="bl-done-form" onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor={`${id}-day`}>Done on</label>
          <input
            id={`${id}-day`}
            type="date"
            max={today}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" className="button" disabled={day === savedDay}>
            Save done date
          </button>
          {error && (
            <p id={`${id}-error`} role="alert" className="error-text">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p>Done on {item.doneAt ? formatDay(item.doneAt) : '—'}</p>
      )}
      {report.isPending && <p role="status">Loading the outcome…</p>}
      {report.isError && <p className="error-text">Couldn't load the outcome: {report.error.message}</p>}
      {report.data && !outcome && (
        <p className="meta">
          Not measured: it needs a link to a key result of the quarter it was done in, and that key result a range to
          cover.
        </p>
      )}
      {outcome && (
        <>
          <p>
            <OutcomeBadge state={outcome.state} provisional={outcome.provisional} />
          </p>
          <ul className="bl-outcome-links">
            {outcome.links.map((l) => (
              <li key={l.keyResultId}>
                <Link to={`/key-results/${l.keyResultId}`}>{l.keyResultTitle}</Link>: {movementSentence(l)}
              </li>
            ))}
          </ul>
          <p className="meta">{report.data?.note}</p>
        </>
      )}
    </section>
  );
}
