import { useState } from 'react';
import type { Connection, ConnectionTest } from '@keyline/shared';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { formatAge, formatNumber } from '../../../lib/format';
import { errorMessage } from '../../../lib/errors';
import { useDeleteConnection, useSyncNow, useTestConnection, useUpdateConnection } from '../api/integrations.api';
import { draftOf, toUpdateInput } from '../utils/connection-draft';
import {
  KIND_LABELS,
  querySummary,
  RUN_RESULT,
  runCounts,
  STATE_LABELS,
  testSentences,
} from '../utils/connection-view';
import { ConnectionForm } from './ConnectionForm';
import { RunList } from './RunList';
import { WebhookSecret } from './WebhookSecret';

/** One connection: its state, its last run, and what an admin does with it. */
export function ConnectionCard({ connection: c }: { connection: Connection }) {
  const [panel, setPanel] = useState<'none' | 'edit' | 'runs' | 'delete' | 'token'>('none');
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const testing = useTestConnection();
  const sync = useSyncNow();
  const update = useUpdateConnection();
  const remove = useDeleteConnection();
  const state = STATE_LABELS[c.state];
  const running = c.lastRun?.state === 'running';
  const hookUrl = `${window.location.origin}${c.webhookPath}`;
  const titleId = `ig-${c.id}-title`;
  const failure = [sync.error, update.error, remove.error, testing.error].find(Boolean);

  const change = (changes: Parameters<typeof update.mutate>[0]['changes'], after?: (next: Connection) => void) =>
    update.mutate(
      { connection: c, changes },
      {
        onSuccess: (next) => {
          if (next.webhookSecret) setSecret(next.webhookSecret);
          after?.(next);
        },
      },
    );

  return (
    <article className="ig-card" aria-labelledby={titleId}>
      <header className="ig-card-head">
        <h3 id={titleId}>{c.name}</h3>
        <span className="badge">{KIND_LABELS[c.kind]}</span>
        <span className={`ig-state ig-state-${state.tone}`}>
          <span aria-hidden="true">{state.icon} </span>
          {state.text}
        </span>
      </header>
      <p className="ig-query">
        <code>{querySummary(c)}</code> <span className="meta">on {c.baseUrl}</span>
      </p>
      <p className="meta">
        {formatNumber(c.itemCount)} {c.itemCount === 1 ? 'item' : 'items'} in the backlog · syncs every{' '}
        {c.syncIntervalMinutes} min and a full pass nightly
        {c.writeBack ? ' · writes labels back' : ''}
      </p>
      {c.stateMessage && (
        <p className={c.state === 'paused' ? 'meta' : 'ig-alert'} role={c.state === 'paused' ? undefined : 'alert'}>
          {c.stateMessage}
        </p>
      )}
      {c.lastRun ? (
        <p className="ig-last-run" aria-live="polite">
          <span className={`ig-run-${c.lastRun.state}`}>
            <span aria-hidden="true">{RUN_RESULT[c.lastRun.state].icon} </span>
            Last run {c.lastRun.state === 'running' ? 'running' : RUN_RESULT[c.lastRun.state].text.toLowerCase()}
          </span>{' '}
          {formatAge(c.lastRun.startedAt)}: {runCounts(c.lastRun)}
          {c.lastRun.message && c.lastRun.state === 'failed' && <> — {c.lastRun.message}</>}
        </p>
      ) : (
        <p className="meta">Not synced yet.</p>
      )}

      <div className="ig-actions">
        <button
          type="button"
          className="button"
          disabled={testing.isPending}
          onClick={() => testing.mutate(c, { onSuccess: setTest })}
        >
          {testing.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={sync.isPending || running || c.state !== 'active'}
          onClick={() => sync.mutate({ connection: c })}
        >
          {running ? 'Syncing…' : 'Sync now'}
        </button>
        {c.state === 'paused' || c.state === 'auth-failed' ? (
          <button type="button" className="button" onClick={() => change({ paused: false })}>
            Resume
          </button>
        ) : (
          <button type="button" className="button" onClick={() => change({ paused: true })}>
            Pause
          </button>
        )}
        {(c.state === 'needs-token' || c.state === 'auth-failed') && (
          <button type="button" className="button" onClick={() => setPanel(panel === 'token' ? 'none' : 'token')}>
            Paste a new token
          </button>
        )}
        <button type="button" className="button" onClick={() => setPanel(panel === 'runs' ? 'none' : 'runs')}>
          {panel === 'runs' ? 'Hide runs' : 'Runs'}
        </button>
        <button type="button" className="button" onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
          Edit
        </button>
        <button type="button" className="button" onClick={() => change({ regenerateWebhookSecret: true })}>
          New webhook secret
        </button>
        <ConfirmDeleteButton
          label="Delete"
          className="button st-danger"
          question={
            <>
              Delete <strong>{c.name}</strong>? Its {formatNumber(c.itemCount)} items stay in the backlog as Keyline's
              own (with their keys, links and history); its runs and token go.
            </>
          }
          groupName={`Delete ${c.name}?`}
          confirmLabel="Delete connection"
          pending={remove.isPending}
          open={panel === 'delete'}
          onOpenChange={(open) => setPanel(open ? 'delete' : 'none')}
          onConfirm={() => remove.mutate(c)}
        />
      </div>
      {failure ? (
        <p className="error-text" role="alert">
          {errorMessage(failure)}
        </p>
      ) : null}

      {test && (
        <div className={test.ok ? 'ig-test ig-test-ok' : 'ig-test ig-test-bad'} role="status">
          <p>
            <strong>{test.ok ? '✓ Connection works.' : '✕ Not working yet.'}</strong> {test.message}
          </p>
          <ul className="plain-list">
            {testSentences(c.kind, test).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {test.suggestions.length > 0 && !test.fields.some((f) => f.role === 'storyPoints' && f.found) && (
            <p className="meta">
              Story point fields in this Jira: {test.suggestions.map((s) => `${s.id} (${s.name})`).join(', ')}
            </p>
          )}
        </div>
      )}
      {secret && <WebhookSecret kind={c.kind} url={hookUrl} secret={secret} onDone={() => setSecret(null)} />}
      {!secret && (
        <p className="meta ig-hook">
          Webhook address: <code>{hookUrl}</code>
          {c.hasWebhookSecret ? '' : ' — no secret yet: make one to receive webhooks'}
        </p>
      )}

      {panel === 'token' && (
        <form
          className="st-form"
          onSubmit={(e) => {
            e.preventDefault();
            change(c.kind === 'jira' ? { apiToken: token } : { token }, () => {
              setToken('');
              setPanel('none');
            });
          }}
        >
          <div className="st-field field">
            <label htmlFor={`ig-${c.id}-token`}>New {c.kind === 'jira' ? 'API token' : 'token'}</label>
            <input
              id={`ig-${c.id}-token`}
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          </div>
          <button type="submit" className="button primary" disabled={!token || update.isPending}>
            Save token and resume
          </button>
        </form>
      )}
      {panel === 'edit' && (
        <ConnectionForm
          title={`Edit ${c.name}`}
          initial={draftOf(c)}
          editing
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onCancel={() => setPanel('none')}
          onSubmit={(draft) => change(toUpdateInput(draft), () => setPanel('none'))}
        />
      )}
      {panel === 'runs' && <RunList connectionId={c.id} name={c.name} />}
    </article>
  );
}
