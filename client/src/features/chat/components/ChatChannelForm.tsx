import type { ChatChannel, ChatPlatform, Team, WebhookEventType } from '@keyline/shared';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../../lib/errors';
import { EventPicker } from '../../notifications/components/EventPicker';
import { useCreateChatChannel, useUpdateChatChannel } from '../api/chat-channels.api';

const HELP: Record<ChatPlatform, string> = {
  slack:
    'Slack: Apps → Incoming Webhooks → Add to Slack, pick the channel, copy the https://hooks.slack.com/services/… URL.',
  teams:
    'Teams: in the channel, Workflows → “Post to a channel when a webhook request is received”, copy the URL it shows.',
};

/** Add a channel, or change one (the URL is replaced only when a new one is typed). */
export function ChatChannelForm({
  teams,
  channel,
  onDone,
}: {
  teams: Team[];
  channel?: ChatChannel;
  onDone: () => void;
}) {
  const create = useCreateChatChannel();
  const update = useUpdateChatChannel();
  const [platform, setPlatform] = useState<ChatPlatform>(channel?.platform ?? 'slack');
  const [name, setName] = useState(channel?.name ?? '');
  const [url, setUrl] = useState('');
  const [teamId, setTeamId] = useState<string | null>(channel?.teamId ?? null);
  const [events, setEvents] = useState<WebhookEventType[]>(channel?.events ?? []);
  const mutation = channel ? update : create;
  const errors = fieldErrors(mutation.error);
  const prefix = channel ? `nt-chat-${channel.id}` : 'nt-chat-new';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (channel) {
      update.mutate({ channel, input: { name, teamId, events, ...(url ? { url } : {}) } }, { onSuccess: onDone });
    } else {
      create.mutate({ platform, name, url, teamId, events }, { onSuccess: onDone });
    }
  };

  return (
    <form className="st-form" onSubmit={submit} aria-label={channel ? `Edit ${channel.name}` : 'Add a chat channel'}>
      <div className="st-form-row">
        {!channel && (
          <div className="st-field">
            <label htmlFor={`${prefix}-platform`}>Platform</label>
            <select
              id={`${prefix}-platform`}
              value={platform}
              onChange={(e) => setPlatform(e.target.value as ChatPlatform)}
            >
              <option value="slack">Slack</option>
              <option value="teams">Microsoft Teams</option>
            </select>
          </div>
        )}
        <div className="st-field">
          <label htmlFor={`${prefix}-name`}>Name</label>
          <input
            id={`${prefix}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="#okrs"
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? `${prefix}-name-error` : undefined}
          />
          {errors.name && (
            <p id={`${prefix}-name-error`} className="error-text">
              {errors.name}
            </p>
          )}
        </div>
        <div className="st-field">
          <label htmlFor={`${prefix}-team`}>For</label>
          <select id={`${prefix}-team`} value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value || null)}>
            <option value="">The organisation</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                Team {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="st-field">
        <label htmlFor={`${prefix}-url`}>
          {channel ? 'New incoming webhook URL (leave empty to keep)' : 'Incoming webhook URL'}
        </label>
        <input
          id={`${prefix}-url`}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          required={!channel}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(errors.url)}
          aria-describedby={`${prefix}-url-help${errors.url ? ` ${prefix}-url-error` : ''}`}
        />
        <p id={`${prefix}-url-help`} className="meta st-field-note">
          {HELP[channel?.platform ?? platform]}
        </p>
        {errors.url && (
          <p id={`${prefix}-url-error`} className="error-text">
            {errors.url}
          </p>
        )}
      </div>
      <EventPicker legend="Also post these events as they happen (optional)" value={events} onChange={setEvents} />
      <div className="nt-form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {channel ? 'Save' : 'Add channel'}
        </button>
        <button type="button" className="button ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {mutation.isError && Object.keys(errors).length === 0 && (
        <p className="error-text" role="alert">
          {errorMessage(mutation.error)}
        </p>
      )}
    </form>
  );
}
