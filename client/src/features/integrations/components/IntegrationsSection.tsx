import { useState } from 'react';
import type { Connection } from '@keyline/shared';
import { LoadError } from '../../../components/LoadError';
import { useConnections, useCreateConnection } from '../api/integrations.api';
import { toCreateInput } from '../utils/connection-draft';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';
import { WebhookSecret } from './WebhookSecret';
import '../integrations.css';

/** Settings → Integrations (admin): connections to the trackers the backlog lives in. */
export function IntegrationsSection() {
  const connections = useConnections();
  const create = useCreateConnection();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Connection | null>(null);

  return (
    <section aria-labelledby="ig-title">
      <h2 id="ig-title">Integrations</h2>
      <p className="st-intro ig-intro">
        Keep the backlog in step with Jira Cloud or GitHub Issues: new and changed issues arrive every few minutes (at
        once with a webhook), and issues that leave the query are archived, never deleted. The tracker owns the fields
        it maps (title, description, status, type, labels, points, team); Keyline owns key-result links, the other
        estimates and rank. docs/INTEGRATIONS.md explains each step.
      </p>
      {created?.webhookSecret && (
        <WebhookSecret
          kind={created.kind}
          url={`${window.location.origin}${created.webhookPath}`}
          secret={created.webhookSecret}
          onDone={() => setCreated(null)}
        />
      )}
      {adding ? (
        <ConnectionForm
          title="Add a connection"
          submitLabel="Add connection"
          pending={create.isPending}
          error={create.error}
          onCancel={() => {
            setAdding(false);
            create.reset();
          }}
          onSubmit={(draft) =>
            create.mutate(toCreateInput(draft), {
              onSuccess: (connection) => {
                setCreated(connection);
                setAdding(false);
              },
            })
          }
        />
      ) : (
        <button type="button" className="button primary ig-add" onClick={() => setAdding(true)}>
          Add connection
        </button>
      )}
      {connections.isPending && <p role="status">Loading connections…</p>}
      {connections.isError && (
        <LoadError what="connections" error={connections.error} onRetry={() => void connections.refetch()} />
      )}
      {connections.data?.length === 0 && !adding && (
        <p>No connections yet. Add one for each Jira query or GitHub repository your backlog lives in.</p>
      )}
      {connections.data?.map((c) => (
        <ConnectionCard key={c.id} connection={c} />
      ))}
    </section>
  );
}
