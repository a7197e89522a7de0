import type { CreatedApiToken, User } from '@keyline/shared';
import { useState } from 'react';
import { useCan, useSession } from '../../auth/useSession';
import { useUsers } from '../../users/api/users.api';
import { useApiTokens } from '../api/api-tokens.api';
import { CreatedToken } from './CreatedToken';
import { CreateTokenForm } from './CreateTokenForm';
import { TokenRow } from './TokenRow';
import './api-tokens.css';
import { LoadError } from '../../../components/LoadError';

/** API tokens for scripts and integrations: create (secret shown once), list, revoke. Admins see everyone's. */
export function ApiTokensSection() {
  const me = useSession().data;
  const isAdmin = useCan('admin');
  const tokens = useApiTokens();
  // Admins list everyone's tokens, so say whose each one is.
  const users = useUsers({ enabled: isAdmin });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const ownerName = (userId: string) =>
    userId === me?.id ? 'You' : (users.data?.find((u: User) => u.id === userId)?.name ?? 'Another member');

  return (
    <section aria-labelledby="tk-title">
      <h2 id="tk-title">API tokens</h2>
      <p className="tk-intro">
        Scripts and integrations call Keyline's API with a token instead of a password: send it as{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. A read-only token reads as a viewer; a read-and-write token
        acts with your role, except for administration (members and passwords, tokens, share links, backups, settings),
        which only a signed-in session can do.{' '}
        {isAdmin ? 'As an admin you see and can revoke every member’s tokens.' : ''}
      </p>
      {created ? (
        <CreatedToken token={created} origin={window.location.origin} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm onCreated={setCreated} />
      )}
      {tokens.isPending && <p role="status">Loading tokens…</p>}
      {tokens.isError && <LoadError what="tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.length === 0 && (
        <p>No API tokens yet. Create one above for each script, so you can revoke them one at a time.</p>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <table className="st-table">
          <caption className="sr-only">API tokens, their access and status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {isAdmin && <th scope="col">Owner</th>}
              <th scope="col">Access</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <TokenRow key={token.id} token={token} owner={isAdmin ? ownerName(token.userId) : undefined} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
