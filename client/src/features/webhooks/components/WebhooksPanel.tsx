import type { CreatedWebhook, Webhook } from '@keyline/shared';
import { useState } from 'react';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/errors';
import { CHANNEL_LABELS, DELIVERY_STATUS, EVENT_LABELS, when } from '../../notifications/utils/labels';
import { useDeleteWebhook, useUpdateWebhook, useWebhookDeliveries, useWebhooks } from '../api/webhooks.api';
import { CreatedWebhookSecret } from './CreatedWebhookSecret';
import { WebhookForm } from './WebhookForm';

/** Outgoing webhooks: other systems hear of events as signed JSON POSTs (docs/WEBHOOKS.md). */
export function WebhooksPanel() {
  const webhooks = useWebhooks();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="nt-hooks-title">
      <h3 id="nt-hooks-title">Webhooks</h3>
      <p className="st-intro">
        Keyline POSTs each event you pick as JSON, signed with the webhook's secret (<code>X-Keyline-Signature</code>),
        and retries for 24 hours until your system answers 2xx. How to verify a delivery is in{' '}
        <code>docs/WEBHOOKS.md</code>.
      </p>
      {created && <CreatedWebhookSecret webhook={created} onDone={() => setCreated(null)} />}
      {webhooks.isPending && <p role="status">Loading webhooks…</p>}
      {webhooks.isError && <LoadError what="webhooks" error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      {webhooks.data && webhooks.data.length === 0 && !adding && <p>No webhooks yet.</p>}
      {webhooks.data && webhooks.data.length > 0 && (
        <ul className="nt-list">
          {webhooks.data.map((hook) =>
            editing === hook.id ? (
              <li key={hook.id} className="nt-item">
                <WebhookForm webhook={hook} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <WebhookRow key={hook.id} webhook={hook} onEdit={() => setEditing(hook.id)} />
            ),
          )}
        </ul>
      )}
      {adding ? (
        <WebhookForm
          onDone={(made) => {
            setAdding(false);
            if (made) setCreated(made);
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a webhook
        </button>
      )}
    </section>
  );
}

function WebhookRow({ webhook, onEdit }: { webhook: Webhook; onEdit: () => void }) {
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [open, setOpen] = useState(false);
  const error = update.error ?? remove.error;
  return (
    <li className="nt-item" data-testid="webhook">
      <div className="nt-item-head">
        <code className="nt-url">{webhook.url}</code>
        <span className={webhook.active ? 'nt-tone-ok' : 'nt-tone-muted'}>
          {webhook.active ? '● Active' : '○ Paused'}
        </span>
      </div>
      <p className="meta nt-item-events">{webhook.events.map((e) => EVENT_LABELS[e]).join(', ')}</p>
      <div className="nt-item-actions">
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>
        <button type="button" className="button ghost" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="button ghost"
          onClick={() => update.mutate({ webhook, input: { active: !webhook.active } })}
        >
          {webhook.active ? 'Pause' : 'Resume'}
        </button>
        <ConfirmDeleteButton
          label="Delete"
          className="button ghost"
          question="Delete this webhook?"
          groupName={`Confirm deleting the webhook to ${webhook.url}`}
          cancelLabel="Keep"
          pending={remove.isPending}
          onConfirm={() => remove.mutate(webhook)}
        />
      </div>
      {error && (
        <p className="error-text" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {open && <WebhookDeliveries webhook={webhook} />}
    </li>
  );
}

function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useWebhookDeliveries(webhook.id, true);
  if (deliveries.isPending) return <p role="status">Loading deliveries…</p>;
  if (deliveries.isError)
    return <LoadError what="deliveries" error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) return <p className="meta">No deliveries yet.</p>;
  return (
    <table className="st-table nt-log-table">
      <caption className="sr-only">Latest deliveries to {webhook.url}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col" className="nt-number">
            Attempts
          </th>
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.map((d) => (
          <tr key={d.id}>
            <td>{when(d.createdAt)}</td>
            <td>
              <code>{d.eventType ?? CHANNEL_LABELS[d.channel]}</code>
            </td>
            <td className={DELIVERY_STATUS[d.status].tone}>
              <span aria-hidden="true">{DELIVERY_STATUS[d.status].icon} </span>
              {DELIVERY_STATUS[d.status].word}
            </td>
            <td className="nt-number">{d.attempts}</td>
            <td className="meta">{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
