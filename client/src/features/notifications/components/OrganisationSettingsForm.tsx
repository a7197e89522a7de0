import type { NotificationSettings, VersionedNotificationSettings } from '@keyline/shared';
import { useState, type FormEvent } from 'react';
import { LoadError } from '../../../components/LoadError';
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notifications.api';
import { SaveBar } from './SaveBar';
import { TimeZoneSelect } from './TimeZoneSelect';

/** The organisation's default time zone, and digests and reminders on or off. */
export function OrganisationSettingsForm() {
  const query = useNotificationSettings();
  if (query.isPending) return <p role="status">Loading…</p>;
  if (query.isError)
    return <LoadError what="notification settings" error={query.error} onRetry={() => void query.refetch()} />;
  return <SettingsForm current={query.data} />;
}

function SettingsForm({ current }: { current: VersionedNotificationSettings }) {
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<NotificationSettings>(current.settings);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<NotificationSettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ version: current.version, settings: draft }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="st-form nt-org" onSubmit={submit} aria-labelledby="nt-org-title">
      <h3 id="nt-org-title">For everyone</h3>
      <div className="st-form-row">
        <div className="st-field nt-zone-field">
          <label htmlFor="nt-default-zone">Default time zone</label>
          <TimeZoneSelect
            id="nt-default-zone"
            value={draft.defaultTimeZone}
            onChange={(zone) => set({ defaultTimeZone: zone ?? 'UTC' })}
          />
          <p className="meta st-field-note">Digests go out Monday 09:00 in this zone, unless people pick their own.</p>
        </div>
        <fieldset className="nt-switches">
          <legend>Scheduled messages</legend>
          <label>
            <input
              type="checkbox"
              checked={draft.digestEnabled}
              onChange={(e) => set({ digestEnabled: e.target.checked })}
            />{' '}
            Weekly digest
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.remindersEnabled}
              onChange={(e) => set({ remindersEnabled: e.target.checked })}
            />{' '}
            Check-in reminders
          </label>
        </fieldset>
      </div>
      <SaveBar
        pending={save.isPending}
        saved={saved}
        error={save.isError ? save.error : null}
        conflictMessage="Another admin changed these settings meanwhile; reload to see theirs."
      />
    </form>
  );
}
