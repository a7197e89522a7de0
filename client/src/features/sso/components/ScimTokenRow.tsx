import { useState } from 'react';
import type { ScimToken } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { errorMessage } from '../../../lib/errors';
import { useRevokeScimToken } from '../api/sso.api';

/** One SCIM token: who made it, when it was last used, Active or Revoked (in words); revoking asks first. */
export function ScimTokenRow({ token, created, lastUsed }: { token: ScimToken; created: string; lastUsed: string }) {
  const notify = useNotify();
  const revoke = useRevokeScimToken();
  const [confirming, setConfirming] = useState(false);
  const active = !token.revokedAt;
  return (
    <tr className={active ? undefined : 'tk-inactive'} data-testid="scim-token-row">
      <th scope="row">{token.name}</th>
      <td>
        {created} <span className="meta">by {token.createdBy}</span>
      </td>
      <td>{lastUsed}</td>
      <td>
        <span className="st-status">
          <span aria-hidden="true">{active ? '●' : '○'}</span> {active ? 'Active' : 'Revoked'}
        </span>
      </td>
      <td className="st-actions">
        {active &&
          (confirming ? (
            <span className="st-confirm" role="group" aria-label={`Confirm revoking ${token.name}`}>
              <span>Provisioning with it stops at once.</span>
              <button
                type="button"
                className="button st-danger"
                disabled={revoke.isPending}
                autoFocus
                onClick={() =>
                  revoke.mutate(token, {
                    onSuccess: () => notify({ kind: 'success', message: `Revoked “${token.name}”` }),
                    onSettled: () => setConfirming(false),
                  })
                }
              >
                Revoke
              </button>
              <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button"
              aria-label={`Revoke ${token.name}`}
              onClick={() => setConfirming(true)}
            >
              Revoke
            </button>
          ))}
        {revoke.isError && (
          <p role="alert" className="error-text">
            Couldn't revoke it: {errorMessage(revoke.error)}
          </p>
        )}
      </td>
    </tr>
  );
}
