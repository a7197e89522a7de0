import {
  DELIVERY_CHOICES,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type DeliveryChoice,
  type DeliveryChoices,
  type NotificationKind,
  type NotificationPreferences,
  type Team,
} from '@keyline/shared';
import { useState, type FormEvent } from 'react';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/useSession';
import { useTeams } from '../teams/api/teams.api';
import { usePreferences, useSavePreferences } from './api/notifications.api';
import { SaveBar } from './components/SaveBar';
import { TestDigest } from './components/TestDigest';
import { TimeZoneSelect } from './components/TimeZoneSelect';
import '../settings/settings.css';
import './notifications.css';

const KIND_HINTS: Record<NotificationKind, string> = {
  check_in_due: 'When your key results pass the quarter’s check-in cadence; one reminder, and one more a week later.',
  digest: 'Monday 09:00: what is due or at risk, newly flagged work, key results with no work behind them.',
  mention: 'When someone names you with @ in a comment.',
  comment: 'When someone comments on a key result you own.',
};

const CHOICE_LABELS: Record<DeliveryChoice, string> = { email: 'E-mail', chat: 'Chat', none: 'Off' };

/** Your profile: what Keyline sends you, where, in which time zone, and a test digest. */
export function ProfilePage() {
  const me = useSession().data;
  const prefs = usePreferences();
  return (
    <section className="nt-profile" aria-labelledby="pf-title">
      <h1 id="pf-title">Your notifications</h1>
      {me && (
        <p className="st-intro">
          Signed in as <strong>{me.name}</strong> ({me.email}).
        </p>
      )}
      {prefs.isPending && <p role="status">Loading your settings…</p>}
      {prefs.isError && <LoadError what="your settings" error={prefs.error} onRetry={() => void prefs.refetch()} />}
      {prefs.data && <PreferencesForm key={prefs.data.id} current={prefs.data} />}
      <TestDigest />
    </section>
  );
}

function PreferencesForm({ current }: { current: NotificationPreferences }) {
  const save = useSavePreferences();
  const teams = useTeams();
  const [kinds, setKinds] = useState<DeliveryChoices>(current.kinds);
  const [timeZone, setTimeZone] = useState<string | null>(current.timeZone);
  const [teamIds, setTeamIds] = useState<string[]>(current.teamIds);
  const [saved, setSaved] = useState(false);
  const touch = () => setSaved(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ version: current.version, input: { kinds, timeZone, teamIds } }, { onSuccess: () => setSaved(true) });
  };
  const warnings = [
    !current.emailAvailable && Object.values(kinds).includes('email')
      ? 'E-mail is off on this Keyline server (an admin can set it up), so e-mail choices reach you nowhere for now.'
      : null,
    !current.chatAvailable && Object.values(kinds).includes('chat')
      ? 'No chat channel is set up for your teams or the organisation yet: chat messages come by e-mail until there is one.'
      : null,
  ].filter((w): w is string => w !== null);

  return (
    <form className="st-form nt-prefs" onSubmit={submit} aria-labelledby="pf-kinds-title">
      <h2 id="pf-kinds-title">What Keyline sends you</h2>
      <table className="nt-choices">
        <caption className="sr-only">For each kind of message, how it reaches you</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            {DELIVERY_CHOICES.map((c) => (
              <th scope="col" key={c}>
                {CHOICE_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">
                <span id={`pf-${kind}`}>{NOTIFICATION_KIND_LABELS[kind]}</span>
                <span className="meta nt-kind-hint">{KIND_HINTS[kind]}</span>
              </th>
              {DELIVERY_CHOICES.map((choice) => (
                <td key={choice}>
                  <input
                    type="radio"
                    name={`pf-${kind}`}
                    value={choice}
                    checked={kinds[kind] === choice}
                    aria-label={`${NOTIFICATION_KIND_LABELS[kind]}: ${CHOICE_LABELS[choice]}`}
                    onChange={() => {
                      setKinds((k) => ({ ...k, [kind]: choice }));
                      touch();
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {warnings.map((w) => (
        <p key={w} className="nt-warning">
          <span aria-hidden="true">▲ </span>
          {w}
        </p>
      ))}
      <div className="st-form-row">
        <div className="st-field nt-zone-field">
          <label htmlFor="pf-zone">Your time zone</label>
          <TimeZoneSelect
            id="pf-zone"
            value={timeZone}
            defaultLabel={`Organisation’s (${current.timeZone === null ? current.effectiveTimeZone : 'default'})`}
            onChange={(zone) => {
              setTimeZone(zone);
              touch();
            }}
          />
          <p className="meta st-field-note">
            Your digest arrives Monday 09:00 here; reminders only between 09:00 and 18:00.
          </p>
        </div>
        <fieldset className="nt-teams">
          <legend>Teams you follow</legend>
          {teams.data?.length === 0 && <p className="meta">No teams yet.</p>}
          {teams.data?.map((team: Team) => (
            <label key={team.id}>
              <input
                type="checkbox"
                checked={teamIds.includes(team.id)}
                onChange={(e) => {
                  setTeamIds((ids) => (e.target.checked ? [...ids, team.id] : ids.filter((id) => id !== team.id)));
                  touch();
                }}
              />{' '}
              {team.name}
            </label>
          ))}
          <p className="meta st-field-note">
            Their flagged items and idle key results are in your digest; chat goes to their channel.
          </p>
        </fieldset>
      </div>
      <SaveBar
        pending={save.isPending}
        saved={saved}
        error={save.isError ? save.error : null}
        conflictMessage="You changed these in another tab meanwhile; reload to see that version."
      />
    </form>
  );
}
