import { useId } from 'react';
import type { Cycle } from '@keyline/shared';
import { formatDay } from '../../../lib/format';
import { TextField } from '../../../components/FormFields';
import type { FieldErrors } from '../../../lib/form-validation';
import type { NextChoice } from '../utils/close-plan';

export interface NextDraft {
  kind: NextChoice['kind'];
  cycleId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** Step 1: carry into a quarter that is being planned, create the next one, or close without carrying anything. */
export function StepNextCycle({
  draft,
  targets,
  errors,
  onChange,
}: {
  draft: NextDraft;
  targets: Cycle[];
  errors: FieldErrors;
  onChange: (next: NextDraft) => void;
}) {
  const name = useId();
  const selectId = useId();
  const set = (patch: Partial<NextDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="wizard-fieldset">
      <legend className="sr-only">The next quarter</legend>
      {targets.length > 0 && (
        <div className="wizard-choice">
          <label className="wizard-radio">
            <input
              type="radio"
              name={name}
              checked={draft.kind === 'existing'}
              onChange={() => set({ kind: 'existing' })}
            />
            Carry into a quarter that already exists
          </label>
          {draft.kind === 'existing' && (
            <div className="wizard-sub field">
              <label htmlFor={selectId}>Quarter</label>
              <select id={selectId} value={draft.cycleId} onChange={(e) => set({ cycleId: e.target.value })}>
                {targets.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({formatDay(c.startsOn)} – {formatDay(c.endsOn)}, {c.status})
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      <div className="wizard-choice">
        <label className="wizard-radio">
          <input type="radio" name={name} checked={draft.kind === 'new'} onChange={() => set({ kind: 'new' })} />
          Create the next quarter
        </label>
        {draft.kind === 'new' && (
          <div className="wizard-sub okr-form">
            <TextField
              label="Name"
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
              error={errors.name}
              className="span-2"
            />
            <TextField
              label="Starts on"
              type="date"
              value={draft.startsOn}
              onChange={(e) => set({ startsOn: e.target.value })}
              error={errors.startsOn}
            />
            <TextField
              label="Ends on"
              type="date"
              value={draft.endsOn}
              onChange={(e) => set({ endsOn: e.target.value })}
              error={errors.endsOn}
            />
          </div>
        )}
      </div>
      <div className="wizard-choice">
        <label className="wizard-radio">
          <input type="radio" name={name} checked={draft.kind === 'none'} onChange={() => set({ kind: 'none' })} />
          Close without carrying anything over
        </label>
      </div>
    </fieldset>
  );
}
