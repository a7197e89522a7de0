import type { OutcomeSettings } from '@keyline/shared';
import { useState, type FormEvent } from 'react';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { LoadError } from '../../../components/LoadError';
import { useNotify } from '../../../components/Notifier';
import { ApiError } from '../../../lib/api';
import { errorMessage, fieldErrors, isVersionConflict } from '../../../lib/errors';
import { useOutcomeSettings, useSaveOutcomeSettings, type VersionedOutcomeSettings } from '../api/outcomes.api';
import { draftOf, parseDraft, type OutcomeSettingsDraft } from '../utils/outcome-settings-draft';

const describe = (s: OutcomeSettings) => `${s.windowDays} days, ${draftOf(s).noisePercent}% noise`;

/** Settings → Outcomes: how long after an item ships its KR is watched, and how much gain counts as "moved". */
export function OutcomeSettingsSection() {
  const loaded = useOutcomeSettings();
  return (
    <section aria-labelledby="st-outcomes-title">
      <h2 id="st-outcomes-title">Outcomes</h2>
      <p className="st-intro">
        How Keyline judges whether shipped work moved its key results (the Outcomes screen, the dashboard's headline and
        calibrated confidence). Every figure is correlation, not proof of cause.
      </p>
      {loaded.isPending && <p role="status">Loading the outcome settings…</p>}
      {loaded.isError && (
        <LoadError what="outcome settings" error={loaded.error} onRetry={() => void loaded.refetch()} />
      )}
      {loaded.data && <OutcomeSettingsForm key={loaded.data.version} saved={loaded.data} />}
    </section>
  );
}

function OutcomeSettingsForm({ saved }: { saved: VersionedOutcomeSettings }) {
  const notify = useNotify();
  const save = useSaveOutcomeSettings();
  const [draft, setDraft] = useState<OutcomeSettingsDraft>(() => draftOf(saved.settings));
  // The version this edit started from: sent as If-Match, so a change made meanwhile is a 412, never overwritten.
  const [baseVersion, setBaseVersion] = useState(saved.version);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof OutcomeSettingsDraft, string>>>({});
  const [pending, setPending] = useState<OutcomeSettings | null>(null);
  const serverErrors = fieldErrors(save.error);
  const errors = {
    windowDays: localErrors.windowDays ?? serverErrors.windowDays,
    noisePercent: localErrors.noisePercent ?? serverErrors.noiseThreshold,
  };
  const conflict = isVersionConflict(save.error);

  const send = (version: number, settings: OutcomeSettings) =>
    save.mutate(
      { version, settings },
      { onSuccess: (next) => notify({ kind: 'success', message: `Outcomes now use ${describe(next.settings)}` }) },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) return setLocalErrors(parsed.errors);
    setLocalErrors({});
    setPending(parsed.settings);
    send(baseVersion, parsed.settings);
  };
  const set = (patch: Partial<OutcomeSettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form className="st-form" onSubmit={submit} noValidate aria-labelledby="st-outcome-form-title">
      <h3 id="st-outcome-form-title">Measuring outcomes</h3>
      <div className="st-form-row">
        <Field
          id="st-outcome-window"
          label="Window after an item is done (days)"
          value={draft.windowDays}
          onChange={(v) => set({ windowDays: v })}
          error={errors.windowDays}
          hint="The key result's movement is measured over this many days after the done date. 7 to 182; default 28."
        />
        <Field
          id="st-outcome-noise"
          label="Noise threshold (% of the range)"
          value={draft.noisePercent}
          onChange={(v) => set({ noisePercent: v })}
          error={errors.noisePercent}
          hint="An item counts as having moved its KR only when the KR gained more than this beyond its earlier pace. 0 to 100; default 5."
        />
        <button type="submit" className="button primary st-form-submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save outcome settings'}
        </button>
      </div>
      <p className="meta">Now {describe(saved.settings)}. Saving recomputes every outcome figure.</p>
      {save.isError && !conflict && !errors.windowDays && !errors.noisePercent && (
        <p role="alert" className="error-text">
          Couldn't save the outcome settings: {errorMessage(save.error)}
        </p>
      )}
      {conflict && pending && (
        <ConflictNotice
          error={save.error}
          what="setting"
          describe={(current) => {
            const theirs = current.settings as OutcomeSettings | undefined;
            return `Theirs ${theirs ? describe(theirs) : '—'} · yours ${describe(pending)}.`;
          }}
          onReload={() => {
            const current = (save.error as ApiError).body?.current as VersionedOutcomeSettings | undefined;
            save.reset();
            if (!current) return;
            setBaseVersion(current.version);
            setDraft(draftOf(current.settings));
          }}
          onReapply={(current) => {
            setBaseVersion(Number(current.version));
            send(Number(current.version), pending);
          }}
        />
      )}
    </form>
  );
}

function Field({
  id,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint: string;
}) {
  return (
    <div className="field st-field st-outcome-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="error-text st-field-note">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="meta st-field-note">
        {hint}
      </p>
    </div>
  );
}
