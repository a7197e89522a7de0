import {
  CreateWebhookSchema,
  UpdateWebhookSchema,
  type CreatedWebhook,
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type Webhook,
  type WebhookEventType,
} from '@keyline/shared';
import { useRef } from 'react';
import { focusFirstInvalid, TextField } from '../../../components/FormFields';
import { showServerErrors, useSchemaForm } from '../../../lib/useSchemaForm';
import { EventPicker } from '../../notifications/components/EventPicker';
import { useCreateWebhook, useUpdateWebhook } from '../api/webhooks.api';
import { FormError } from '../../../components/FormError';

interface WebhookDraft {
  url: string;
  events: WebhookEventType[];
}

/** Add a webhook (the answer carries its secret, shown once) or change one's URL and events. */
export function WebhookForm({ webhook, onDone }: { webhook?: Webhook; onDone: (created?: CreatedWebhook) => void }) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const mutation = webhook ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm<WebhookDraft, CreateWebhookInput | UpdateWebhookInput>({
    defaultValues: { url: webhook?.url ?? '', events: webhook?.events ?? [] },
    schema: webhook ? UpdateWebhookSchema : CreateWebhookSchema,
    toInput: (draft) => draft,
    blank: { url: 'Type the address Keyline should post to' },
  });
  const errors = form.formState.errors;
  const onError = (error: unknown) => showServerErrors(form, formRef, error);
  const submit = form.handleSubmit(
    (input) => {
      if (webhook)
        update.mutate({ webhook, input: input as UpdateWebhookInput }, { onSuccess: () => onDone(), onError });
      else create.mutate(input as CreateWebhookInput, { onSuccess: (made) => onDone(made), onError });
    },
    () => focusFirstInvalid(formRef.current),
  );
  return (
    <form
      ref={formRef}
      className="st-form"
      onSubmit={submit}
      noValidate
      aria-label={webhook ? 'Edit webhook' : 'Add a webhook'}
    >
      <TextField
        label="Payload URL"
        type="url"
        placeholder="https://example.com/keyline-events"
        spellCheck={false}
        {...form.register('url')}
        error={errors.url?.message}
        hint={
          <>
            http or https; addresses inside your network are refused unless the server allows them (
            <code>WEBHOOK_ALLOW_PRIVATE</code>).
          </>
        }
        className="st-field"
      />
      <EventPicker
        legend="Events"
        value={form.watch('events')}
        onChange={(events) => form.setValue('events', events)}
        error={errors.events?.message}
      />
      <div className="nt-form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {webhook ? 'Save' : 'Add webhook'}
        </button>
        <button type="button" className="button ghost" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
      <FormError error={mutation.error} />
    </form>
  );
}
