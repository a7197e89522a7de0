import {
  DELIVERY_STATUSES,
  MESSAGE_CHANNELS,
  type Delivery,
  type DeliveryStatus,
  type MessageChannel,
} from '@keyline/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/errors';
import { invalidateDeliveries, useDeliveries, useRetryDelivery, type DeliveryFilters } from '../api/notifications.api';
import { CHANNEL_LABELS, DELIVERY_STATUS, when } from '../utils/labels';

/** Recent deliveries on every channel: status, attempts, last error; failed ones can be retried. */
export function DeliveryLog() {
  const client = useQueryClient();
  const [filters, setFilters] = useState<DeliveryFilters>({ status: null, channel: null });
  // Older pages: the cursor of each page after the first.
  const [pages, setPages] = useState<string[]>([]);
  const first = useDeliveries(filters, null);
  const setFilter = (patch: Partial<DeliveryFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPages([]);
  };
  return (
    <section aria-labelledby="nt-log-title" className="nt-log">
      <h3 id="nt-log-title">Delivery log</h3>
      <div className="nt-log-filters">
        <label>
          Status{' '}
          <select
            value={filters.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || null) as DeliveryStatus | null })}
          >
            <option value="">All</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DELIVERY_STATUS[s].word}
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel{' '}
          <select
            value={filters.channel ?? ''}
            onChange={(e) => setFilter({ channel: (e.target.value || null) as MessageChannel | null })}
          >
            <option value="">All</option>
            {MESSAGE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button ghost" onClick={() => invalidateDeliveries(client)}>
          Refresh
        </button>
      </div>
      {first.isPending && <p role="status">Loading deliveries…</p>}
      {first.isError && <LoadError what="delivery log" error={first.error} onRetry={() => void first.refetch()} />}
      {first.data && first.data.items.length === 0 && (
        <p>
          {filters.status || filters.channel
            ? 'No deliveries match these filters.'
            : 'Nothing sent yet. Reminders, digests, mentions, chat posts and webhooks will show here.'}
        </p>
      )}
      {first.data && first.data.items.length > 0 && (
        <table className="st-table nt-log-table">
          <caption className="sr-only">Recent deliveries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col" className="nt-number">
                Attempts
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <DeliveryRows items={first.data.items} />
            {pages.map((cursor) => (
              <OlderPage key={cursor} filters={filters} before={cursor} />
            ))}
          </tbody>
        </table>
      )}
      <MorePager
        filters={filters}
        firstCursor={first.data?.nextCursor ?? null}
        pages={pages}
        onMore={(cursor) => setPages((p) => [...p, cursor])}
      />
    </section>
  );
}

function OlderPage({ filters, before }: { filters: DeliveryFilters; before: string }) {
  const page = useDeliveries(filters, before);
  return page.data ? <DeliveryRows items={page.data.items} /> : null;
}

/** "Show older" while the last page loaded says there is more. */
function MorePager(props: {
  filters: DeliveryFilters;
  firstCursor: string | null;
  pages: string[];
  onMore: (cursor: string) => void;
}) {
  const last = props.pages.at(-1) ?? null;
  const lastPage = useDeliveries(props.filters, last);
  const cursor = last === null ? props.firstCursor : (lastPage.data?.nextCursor ?? null);
  if (!cursor) return null;
  return (
    <button type="button" className="button nt-more" onClick={() => props.onMore(cursor)}>
      Show older
    </button>
  );
}

function DeliveryRows({ items }: { items: Delivery[] }) {
  return items.map((d) => <DeliveryRow key={d.id} delivery={d} />);
}

function DeliveryRow({ delivery: d }: { delivery: Delivery }) {
  const retry = useRetryDelivery();
  const status = DELIVERY_STATUS[d.status];
  return (
    <tr data-testid="delivery-row">
      <td>
        <time dateTime={d.createdAt} title={new Date(d.createdAt).toLocaleString()}>
          {when(d.createdAt)}
        </time>
      </td>
      <td>{CHANNEL_LABELS[d.channel]}</td>
      <td className="nt-recipient">{d.recipient}</td>
      <td>
        {d.subject}
        {d.lastError && d.status !== 'delivered' && <div className="meta nt-error">Last error: {d.lastError}</div>}
        {d.status === 'pending' && d.attempts > 0 && d.nextAttemptAt && (
          <div className="meta">Next try {when(d.nextAttemptAt)}</div>
        )}
      </td>
      <td>
        <span className={status.tone}>
          <span aria-hidden="true">{status.icon} </span>
          {status.word}
        </span>
      </td>
      <td className="nt-number">{d.attempts}</td>
      <td className="st-actions">
        {d.status === 'dead' && (
          <button
            type="button"
            className="button"
            disabled={retry.isPending || retry.isSuccess}
            onClick={() => retry.mutate(d)}
            aria-label={`Retry ${d.subject} to ${d.recipient}`}
          >
            {retry.isSuccess ? 'Queued' : 'Retry'}
          </button>
        )}
        {retry.isError && <p className="error-text">{errorMessage(retry.error)}</p>}
      </td>
    </tr>
  );
}
