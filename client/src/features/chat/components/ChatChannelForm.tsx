import {
  CreateChatChannelSchema,
  UpdateChatChannelSchema,
  type ChatChannel,
  type ChatPlatform,
  type CreateChatChannelInput,
  type Team,
  type UpdateChatChannelInput,
  type WebhookEventType,
} from '@keyline/shared';
import { useRef } from 'react';
import { focusFirstInvalid, SelectField, TextField } from '../../../components/FormFields';
import { showServerErrors, useSchemaForm } from '../../../lib/useSchemaForm';
import { EventPicker } from '../../notifications/components/EventPicker';
import { useCreateChatChannel, useUpdateChatChannel } from '../api/chat-channels.api';
import { FormError } from '../../../components/FormError';

const HELP: Record<ChatPlatform, string> = {
  slack:
    'Slack: Apps → Incoming Webhooks → Add to Slack, pick the channel, copy the https://hooks.slack.com/services/… URL.',
  teams:
    'Teams: in the channel, Workflows → “Post to a channel when a webhook request is received”, copy the URL it shows.',
};

interface ChannelDraft {
  platform: ChatPlatform;
  name: string;
  url: string;
  /** '' is the organisation's channel. */
  teamId: string;
  events: WebhookEventType[];
}

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
  const mutation = channel ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm<ChannelDraft, CreateChatChannelInput | UpdateChatChannelInput>({
    defaultValues: {
      platform: channel?.platform ?? 'slack',
      name: channel?.name ?? '',
      url: '',
      teamId: channel?.teamId ?? '',
      events: channel?.events ?? [],
    },
    schema: channel ? UpdateChatChannelSchema : CreateChatChannelSchema,
    toInput: ({ platform, name, url, teamId, events }) => {
      const common = { name, teamId: teamId || null, events };
      if (!channel) return { platform, url, ...common };
      return url.trim() ? { ...common, url } : common;
    },
    blank: { name: 'Type a name, e.g. #okrs', ...(channel ? {} : { url: 'Paste the incoming webhook URL' }) },
  });
  const errors = form.formState.errors;
  const onError = (error: unknown) => showServerErrors(form, formRef, error);
  const submit = form.handleSubmit(
    (input) => {
      if (channel) update.mutate({ channel, input: input as UpdateChatChannelInput }, { onSuccess: onDone, onError });
      else create.mutate(input as CreateChatChannelInput, { onSuccess: onDone, onError });
    },
    () => focusFirstInvalid(formRef.current),
  );

  return (
    <form
      ref={formRef}
      className="st-form"
      onSubmit={submit}
      noValidate
      aria-label={channel ? `Edit ${channel.name}` : 'Add a chat channel'}
    >
      <div className="st-form-row">
        {!channel && (
          <SelectField
            label="Platform"
            {...form.register('platform')}
            options={[
              { value: 'slack', label: 'Slack' },
              { value: 'teams', label: 'Microsoft Teams' },
            ]}
            className="st-field"
          />
        )}
        <TextField
          label="Name"
          placeholder="#okrs"
          {...form.register('name')}
          error={errors.name?.message}
          className="st-field"
        />
        <SelectField
          label="For"
          {...form.register('teamId')}
          options={[
            { value: '', label: 'The organisation' },
            ...teams.map((t) => ({ value: t.id, label: `Team ${t.name}` })),
          ]}
          className="st-field"
        />
      </div>
      <TextField
        label={channel ? 'New incoming webhook URL (leave empty to keep)' : 'Incoming webhook URL'}
        type="url"
        autoComplete="off"
        spellCheck={false}
        {...form.register('url')}
        error={errors.url?.message}
        hint={HELP[channel?.platform ?? form.watch('platform')]}
        className="st-field"
      />
      <EventPicker
        legend="Also post these events as they happen (optional)"
        value={form.watch('events')}
        onChange={(events) => form.setValue('events', events)}
        error={errors.events?.message}
      />
      <div className="nt-form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {channel ? 'Save' : 'Add channel'}
        </button>
        <button type="button" className="button ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormError error={mutation.error} />
    </form>
  );
}
