import './score-breakdown.css';
import { useCallback, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatNumber } from '../../../lib/format';
import { useItemForBreakdown, useKeyResultTitles } from '../hooks/useAlignmentQueries';
import { describeBreakdown, isScoreBreakdown } from '../utils/breakdown-sentences';
import { roundScore } from '../utils/quadrants';

const percent = (value: number) => `${formatNumber(Math.round(value * 100))}%`;

interface BreakdownProps {
  /** The `breakdown` of a scored backlog item, as the API sends it. */
  breakdown: unknown;
  /** KR titles by id; fetched (and cached) when not given. */
  keyResultTitles?: ReadonlyMap<string, string>;
}

/**
 * Why a value score is what it is, term by term (docs/SCORING.md):
 * intrinsic score by framework, alignment per KR link, and how they combine.
 */
export function ScoreBreakdown({ breakdown, keyResultTitles }: BreakdownProps) {
  const fetched = useKeyResultTitles(keyResultTitles === undefined);
  const titles = keyResultTitles ?? fetched;
  if (!isScoreBreakdown(breakdown)) return <p className="score-breakdown">No breakdown is available for this score.</p>;
  const s = describeBreakdown(breakdown, (id) => titles.get(id));
  return (
    <dl className="score-breakdown">
      {typeof breakdown.calibratedConfidence === 'number' && typeof breakdown.statedConfidence === 'number' && (
        <>
          <dt>Confidence</dt>
          <dd data-testid="calibrated-confidence">
            Stated {percent(breakdown.statedConfidence)}, scored as {percent(breakdown.calibratedConfidence)}{' '}
            (calibrated). {breakdown.calibrationReason}
          </dd>
        </>
      )}
      <dt>Intrinsic</dt>
      <dd>{s.intrinsic}</dd>
      <dt>Alignment</dt>
      <dd>
        {s.alignment}
        {s.alignmentTerms.length > 0 && (
          <ul>
            {s.alignmentTerms.map((term) => (
              <li key={term}>{term}</li>
            ))}
          </ul>
        )}
        {s.ignoredLinks.length > 0 && (
          <ul className="score-breakdown-ignored">
            {s.ignoredLinks.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Value</dt>
      <dd>{s.value}</dd>
    </dl>
  );
}

/** The breakdown of an item that is not on screen yet, fetched (and cached) when first shown. */
export function FetchedBreakdown({
  itemId,
  keyResultTitles,
}: {
  itemId: string;
  keyResultTitles?: ReadonlyMap<string, string>;
}) {
  const item = useItemForBreakdown(itemId);
  if (item.isPending) return <p className="score-breakdown">Loading the breakdown…</p>;
  if (item.isError) return <p className="score-breakdown">Couldn't load the breakdown: {item.error.message}</p>;
  return <ScoreBreakdown breakdown={item.data.breakdown} keyResultTitles={keyResultTitles} />;
}

interface TriggerProps {
  valueScore: number | null;
  itemTitle?: string;
  align?: 'start' | 'end';
}

/**
 * A value score that shows its breakdown on hover and on keyboard focus.
 * The panel stays while the pointer is over it and Esc dismisses it (WCAG
 * 1.4.13). `eager` panels are always in the DOM so screen readers get the
 * breakdown as the button's description; lazy ones render only when open.
 */
function ScoreTrigger({
  valueScore,
  itemTitle,
  align = 'end',
  eager,
  panel,
}: TriggerProps & { eager: boolean; panel: () => ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      hide();
    }
  };
  const text = valueScore === null ? 'Not scorable' : formatNumber(roundScore(valueScore));
  return (
    <span className="score-trigger" onMouseEnter={show} onMouseLeave={hide} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="score-button num"
        aria-describedby={id}
        aria-label={itemTitle ? `Value score of ${itemTitle}: ${text}` : undefined}
        onFocus={show}
        onBlur={hide}
        onClick={() => setOpen((o) => !o)}
      >
        {text}
      </button>
      <span id={id} role="tooltip" className={`score-popover score-popover-${align}`} hidden={!open}>
        {(eager || open) && panel()}
      </span>
    </span>
  );
}

/** A value score whose breakdown is at hand (a scored backlog item). */
export function ScoreWithBreakdown({ breakdown, keyResultTitles, ...trigger }: BreakdownProps & TriggerProps) {
  return (
    <ScoreTrigger
      {...trigger}
      eager
      panel={() => <ScoreBreakdown breakdown={breakdown} keyResultTitles={keyResultTitles} />}
    />
  );
}

/** A value score known only by item id (chart points, tables): the breakdown loads when opened. */
export function ItemScoreWithBreakdown({
  itemId,
  keyResultTitles,
  ...trigger
}: TriggerProps & { itemId: string; keyResultTitles?: ReadonlyMap<string, string> }) {
  return (
    <ScoreTrigger
      {...trigger}
      eager={false}
      panel={() => <FetchedBreakdown itemId={itemId} keyResultTitles={keyResultTitles} />}
    />
  );
}
