import { LifecycleSettingsSchema, type LifecycleSettings, type VersionedLifecycleSettings } from '@keyline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { ApiError } from '../../../lib/api';
import { lifecycleSettingsKeys } from '../../../lib/query-keys';
import { lifecycleApi } from '../api/lifecycle-settings.api';
import { errorMessage, fieldErrors } from '../../../lib/errors';
import { LoadError } from '../../../components/LoadError';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Quarter rules (docs/UI.md, "Settings"): for now the check-in cadence behind "check-in due". */
export function QuartersSection() {
  const loaded = useQuery({
    queryKey: lifecycleSettingsKeys.settings,
    queryFn: ({ signal }) => lifecycleApi.get(signal),
  });
  return (
    <section aria-labelledby="st-quarters-title">
      <h2 id="st-quarters-title">Quarters</h2>
      {loaded.isPending && <p role="status">Loading the quarter settings…</p>}
      {loaded.isError && (
        <LoadError what="quarter settings" error={loaded.error} onRetry={() => void loaded.refetch()} />
      )}
      {loaded.data && <CadenceForm saved={loaded.data} />}
    </section>
  );
}

function CadenceForm({ saved }: { saved: VersionedLifecycleSettings }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [value, setValue] = useState(String(saved.settings.checkInCadenceDays));
  // The version this edit started from: sent as If-Match, so a change made meanwhile is a 412, never overwritten.
  const [baseVersion, setBaseVersion] = useState(saved.version);
  const [localError, setLocalError] = useState<string | null>(null);
  const [pending, setPending] = useState<LifecycleSettings | null>(null);
  const save = useMutation({
    mutationFn: ({ version, settings }: { version: number; settings: LifecycleSettings }) =>
      lifecycleApi.save(version, settings),
    onSuccess: (next) => {
      qc.setQueryData(lifecycleSettingsKeys.settings, next);
      setBaseVersion(next.version);
      setValue(String(next.settings.checkInCadenceDays));
      notify({ kind: 'success', message: `Check-ins are now due every ${days(next.settings.checkInCadenceDays)}` });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const error = localError ?? fieldErrors(save.error).checkInCadenceDays ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = LifecycleSettingsSchema.safeParse({
      checkInCadenceDays: value.trim() === '' ? Number.NaN : Number(value),
    });
    if (!parsed.success) {
      setLocalError(
        value.trim() === ''
          ? 'Type a number of days'
          : (parsed.error.issues[0]?.message ?? 'Not a valid number of days'),
      );
      return;
    }
    setLocalError(null);
    setPending(parsed.data);
    save.mutate({ version: baseVersion, settings: parsed.data });
  };

  return (
    <form className="st-form" onSubmit={submit} noValidate aria-labelledby="st-cadence-title">
      <h3 id="st-cadence-title">Check-in cadence</h3>
      <div className="st-form-row">
        <div className="field st-field st-cadence-field">
          <label htmlFor="st-cadence">Check-in due after (days)</label>
          <input
            id="st-cadence"
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'st-cadence-error st-cadence-hint' : 'st-cadence-hint'}
          />
          {error && (
            <p id="st-cadence-error" role="alert" className="error-text st-field-note">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button primary st-form-submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save cadence'}
        </button>
      </div>
      <p id="st-cadence-hint" className="meta">
        A key result with no check-in for this many days shows “check-in due” on the OKRs and the dashboard. 1 to 90
        days; now {days(saved.settings.checkInCadenceDays)}.
      </p>
      {save.isError && !conflict && !error && (
        <p role="alert" className="error-text">
          Couldn't save the cadence: {errorMessage(save.error)}
        </p>
      )}
      {conflict && pending && (
        <ConflictNotice
          error={save.error}
          what="setting"
          describe={(current) => {
            const theirs = (current.settings as LifecycleSettings | undefined)?.checkInCadenceDays;
            return `Theirs ${theirs === undefined ? '—' : days(theirs)} · yours ${days(pending.checkInCadenceDays)}.`;
          }}
          onReload={() => {
            const current = (save.error as ApiError).body?.current as VersionedLifecycleSettings | undefined;
            save.reset();
            if (!current) return void qc.invalidateQueries({ queryKey: lifecycleSettingsKeys.settings });
            qc.setQueryData(lifecycleSettingsKeys.settings, current);
            setBaseVersion(current.version);
            setValue(String(current.settings.checkInCadenceDays));
          }}
          onReapply={(current) => save.mutate({ version: Number(current.version), settings: pending })}
        />
      )}
    </form>
  );
}
