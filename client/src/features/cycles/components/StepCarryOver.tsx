import type { KeyResult } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';
import { movedLinks } from '../utils/close-plan';

const links = (n: number) =>
  n === 0
    ? 'no open backlog links'
    : n === 1
      ? '1 open backlog link moves with it'
      : `${n} open backlog links move with it`;

/**
 * Step 2: which unfinished KRs carry over (all of them unless unticked). Each
 * copy starts from the KR's current value; the original stays, marked carried.
 */
export function StepCarryOver({
  candidates,
  chosen,
  objectiveTitle,
  nextName,
  onChange,
}: {
  candidates: KeyResult[];
  chosen: ReadonlySet<string>;
  objectiveTitle: (id: string) => string;
  nextName: string;
  onChange: (next: Set<string>) => void;
}) {
  if (candidates.length === 0) return <p>Every key result reached its target: there is nothing to carry over.</p>;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <fieldset className="wizard-fieldset">
      <legend>
        Unfinished key results to continue in {nextName}. Each is copied with its current value as the new start, under
        a copy of its objective; its open backlog links move to the copy.
      </legend>
      <div className="row-actions wizard-bulk">
        <button type="button" className="button small" onClick={() => onChange(new Set(candidates.map((kr) => kr.id)))}>
          Select all
        </button>
        <button type="button" className="button small" onClick={() => onChange(new Set())}>
          Select none
        </button>
      </div>
      <ul className="wizard-krs">
        {candidates.map((kr) => (
          <li key={kr.id}>
            <label className="wizard-check">
              <input type="checkbox" checked={chosen.has(kr.id)} onChange={() => toggle(kr.id)} />
              <span>
                <strong>{kr.title}</strong> <span className="meta">· {objectiveTitle(kr.objectiveId)}</span>
                <span className="wizard-kr-facts">
                  {formatPercent(kr.progress)} done · {links(kr.openItemCount)}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="meta" data-testid="carry-total">
        {chosen.size} of {candidates.length} key results carry over, with {movedLinks(candidates, chosen)} open backlog{' '}
        {movedLinks(candidates, chosen) === 1 ? 'link' : 'links'}.
      </p>
    </fieldset>
  );
}
