import type { ChatChannel, Team } from '@keyline/shared';
import { useState } from 'react';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/errors';
import { useTeams } from '../../teams/api/teams.api';
import { EVENT_LABELS } from '../../notifications/utils/labels';
import {
  useChatChannels,
  useDeleteChatChannel,
  useTestChatChannel,
  useUpdateChatChannel,
} from '../api/chat-channels.api';
import { ChatChannelForm } from './ChatChannelForm';

const PLATFORM = { slack: 'Slack', teams: 'Microsoft Teams' } as const;

/** Slack and Teams incoming webhooks: the organisation's channel and one per team. */
export function ChatChannelsPanel() {
  const channels = useChatChannels();
  const teams = useTeams();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const teamName = (id: string | null) =>
    id === null ? 'Organisation' : (teams.data?.find((t: Team) => t.id === id)?.name ?? 'A deleted team');
  return (
    <section aria-labelledby="nt-chat-title">
      <h3 id="nt-chat-title">Chat channels</h3>
      <p className="st-intro">
        Paste a Slack or Teams <em>incoming webhook</em> URL. People who choose chat get their reminders, digests and
        mentions in the channel of a team they follow, else in the organisation's; events you tick are posted as they
        happen. The URL is a password for the channel: Keyline never shows it again.
      </p>
      {channels.isPending && <p role="status">Loading channels…</p>}
      {channels.isError && (
        <LoadError what="chat channels" error={channels.error} onRetry={() => void channels.refetch()} />
      )}
      {channels.data && channels.data.length === 0 && !adding && <p>No chat channel yet.</p>}
      {channels.data && channels.data.length > 0 && (
        <ul className="nt-list">
          {channels.data.map((channel) =>
            editing === channel.id ? (
              <li key={channel.id} className="nt-item">
                <ChatChannelForm teams={teams.data ?? []} channel={channel} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <ChannelRow
                key={channel.id}
                channel={channel}
                team={teamName(channel.teamId)}
                onEdit={() => setEditing(channel.id)}
              />
            ),
          )}
        </ul>
      )}
      {adding ? (
        <ChatChannelForm teams={teams.data ?? []} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a chat channel
        </button>
      )}
    </section>
  );
}

function ChannelRow({ channel, team, onEdit }: { channel: ChatChannel; team: string; onEdit: () => void }) {
  const update = useUpdateChatChannel();
  const remove = useDeleteChatChannel();
  const test = useTestChatChannel();
  const error = update.error ?? remove.error ?? test.error;
  return (
    <li className="nt-item" data-testid="chat-channel">
      <div className="nt-item-head">
        <strong>{channel.name}</strong>
        <span className="badge">{PLATFORM[channel.platform]}</span>
        <span className="meta">{team}</span>
        <span className={channel.active ? 'nt-tone-ok' : 'nt-tone-muted'}>
          {channel.active ? '● Active' : '○ Paused'}
        </span>
        <code className="meta nt-hint" title="The rest of the URL is not shown">
          {channel.urlHint}
        </code>
      </div>
      <p className="meta nt-item-events">
        {channel.events.length === 0
          ? 'Posts people’s messages only, no events.'
          : `Also posts: ${channel.events.map((e) => EVENT_LABELS[e]).join(', ')}.`}
      </p>
      <div className="nt-item-actions">
        <button type="button" className="button" onClick={() => test.mutate(channel)} disabled={test.isPending}>
          {test.isPending ? 'Sending…' : 'Send a test message'}
        </button>
        <button type="button" className="button ghost" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="button ghost"
          onClick={() => update.mutate({ channel, input: { active: !channel.active } })}
          disabled={update.isPending}
        >
          {channel.active ? 'Pause' : 'Resume'}
        </button>
        <ConfirmDeleteButton
          label="Delete"
          className="button ghost"
          question={`Delete ${channel.name}?`}
          groupName={`Confirm deleting ${channel.name}`}
          cancelLabel="Keep"
          pending={remove.isPending}
          onConfirm={() => remove.mutate(channel)}
        />
        <span role="status" className="meta">
          {test.isSuccess ? `Test queued: see it in ${channel.name}, and in the delivery log below.` : ''}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </li>
  );
}
