import { LifecycleSettingsSchema, type LifecycleSettings, type VersionedLifecycleSettings } from '@keyline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { ApiError } from '../../../lib/api';
import { lifecycleSettingsKeys } from '../../../lib/query-keys';
import { lifecycleApi } from '../api/lifecycle-settings.api';
import { errorMessage, isVersionConflict } from '../../../lib/errors';
import { numberOrUndefined } from '../../../lib/form-validation';
import { showServerErrors, useSchemaForm } from '../../../lib/useSchemaForm';
import { focusFirstInvalid, TextField } from '../../../components/FormFields';
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

/** The cadence as typed. */
interface CadenceDraft {
  checkInCadenceDays: string;
}

function CadenceForm({ saved }: { saved: VersionedLifecycleSettings }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm<CadenceDraft, LifecycleSettings>({
    defaultValues: { checkInCadenceDays: String(saved.settings.checkInCadenceDays) },
    schema: LifecycleSettingsSchema,
    toInput: (draft) => ({ checkInCadenceDays: numberOrUndefined(draft.checkInCadenceDays) ?? Number.NaN }),
    blank: { checkInCadenceDays: 'Type a number of days' },
  });
  const error = form.formState.errors.checkInCadenceDays?.message;
  // The version this edit started from: sent as If-Match, so a change made meanwhile is a 412, never overwritten.
  const [baseVersion, setBaseVersion] = useState(saved.version);
  const [pending, setPending] = useState<LifecycleSettings | null>(null);
  const save = useMutation({
    mutationFn: ({ version, settings }: { version: number; settings: LifecycleSettings }) =>
      lifecycleApi.save(version, settings),
    onSuccess: (next) => {
      qc.setQueryData(lifecycleSettingsKeys.settings, next);
      setBaseVersion(next.version);
      form.reset({ checkInCadenceDays: String(next.settings.checkInCadenceDays) });
      notify({ kind: 'success', message: `Check-ins are now due every ${days(next.settings.checkInCadenceDays)}` });
    },
    onError: (failure) => showServerErrors(form, formRef, failure),
  });
  const conflict = isVersionConflict(save.error);

  const submit = form.handleSubmit(
    (settings) => {
      setPending(settings);
      save.mutate({ version: baseVersion, settings });
    },
    () => focusFirstInvalid(formRef.current),
  );

  return (
    <form ref={formRef} className="st-form" onSubmit={submit} noValidate aria-labelledby="st-cadence-title">
      <h3 id="st-cadence-title">Check-in cadence</h3>
      <div className="st-form-row">
        <TextField
          label="Check-in due after (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          step={1}
          {...form.register('checkInCadenceDays')}
          error={error}
          alertError
          aria-describedby="st-cadence-hint"
          className="st-field st-cadence-field"
        />
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
            form.reset({ checkInCadenceDays: String(current.settings.checkInCadenceDays) });
          }}
          onReapply={(current) => save.mutate({ version: Number(current.version), settings: pending })}
        />
      )}
    </form>
  );
}
