import type { CreatedWebhook, Webhook, WebhookEventType } from '@keyline/shared';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../../lib/errors';
import { EventPicker } from '../../notifications/components/EventPicker';
import { useCreateWebhook, useUpdateWebhook } from '../api/webhooks.api';

/** Add a webhook (the answer carries its secret, shown once) or change one's URL and events. */
export function WebhookForm({ webhook, onDone }: { webhook?: Webhook; onDone: (created?: CreatedWebhook) => void }) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(webhook?.events ?? []);
  const mutation = webhook ? update : create;
  const errors = fieldErrors(mutation.error);
  const id = webhook ? `nt-hook-${webhook.id}` : 'nt-hook-new';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (webhook) update.mutate({ webhook, input: { url, events } }, { onSuccess: () => onDone() });
    else create.mutate({ url, events }, { onSuccess: (made) => onDone(made) });
  };
  return (
    <form className="st-form" onSubmit={submit} aria-label={webhook ? 'Edit webhook' : 'Add a webhook'}>
      <div className="st-field">
        <label htmlFor={`${id}-url`}>Payload URL</label>
        <input
          id={`${id}-url`}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          required
          placeholder="https://example.com/keyline-events"
          spellCheck={false}
          aria-invalid={Boolean(errors.url)}
          aria-describedby={`${id}-url-help${errors.url ? ` ${id}-url-error` : ''}`}
        />
        <p id={`${id}-url-help`} className="meta st-field-note">
          http or https; addresses inside your network are refused unless the server allows them (
          <code>WEBHOOK_ALLOW_PRIVATE</code>).
        </p>
        {errors.url && (
          <p id={`${id}-url-error`} className="error-text">
            {errors.url}
          </p>
        )}
      </div>
      <EventPicker legend="Events" value={events} onChange={setEvents} error={errors.events} />
      <div className="nt-form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {webhook ? 'Save' : 'Add webhook'}
        </button>
        <button type="button" className="button ghost" onClick={() => onDone()}>
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
