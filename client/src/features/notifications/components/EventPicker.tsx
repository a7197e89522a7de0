import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@keyline/shared';
import { EVENT_LABELS } from '../utils/labels';

/** Checkboxes for the events a webhook or a chat channel follows. */
export function EventPicker({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
  error?: string;
}) {
  const toggle = (event: WebhookEventType, on: boolean) =>
    onChange(WEBHOOK_EVENT_TYPES.filter((e) => (e === event ? on : value.includes(e))));
  return (
    <fieldset className="nt-events">
      <legend>{legend}</legend>
      <div className="nt-event-grid">
        {WEBHOOK_EVENT_TYPES.map((event) => (
          <label key={event}>
            <input type="checkbox" checked={value.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />{' '}
            {EVENT_LABELS[event]} <code className="meta">{event}</code>
          </label>
        ))}
      </div>
      {error && <p className="error-text">{error}</p>}
    </fieldset>
  );
}
