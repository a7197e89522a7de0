import { useState } from 'react';
import type { ApiToken } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { formatDateTime, formatDay } from '../../../lib/format';
import { errorMessage } from '../../../lib/errors';
import { useRevokeApiToken } from '../api/api-tokens.api';
import { TOKEN_STATUS, tokenStatus } from '../utils/api-token-form';

/** One token: scope, dates, status as text; active ones revoke after a confirmation. */
export function TokenRow({ token, owner }: { token: ApiToken; owner?: string }) {
  const notify = useNotify();
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  const status = tokenStatus(token);
  const shown = TOKEN_STATUS[status];

  const doRevoke = () =>
    revoke.mutate(token, {
      onSuccess: () => notify({ kind: 'success', message: `Revoked “${token.name}”: it no longer works` }),
      onSettled: () => setConfirming(false),
    });

  return (
    <tr className={status === 'active' ? undefined : 'tk-inactive'} data-testid="api-token-row">
      <th scope="row">{token.name}</th>
      {owner !== undefined && <td>{owner}</td>}
      <td>{token.scope === 'write' ? 'Read and write' : 'Read only'}</td>
      <td>{formatDay(token.createdAt)}</td>
      <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
      <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
      <td>
        <span className={`st-status tk-status-${status}`}>
          <span aria-hidden="true">{shown.icon}</span> {shown.label}
          {status === 'revoked' && token.revokedAt && <span className="meta"> {formatDay(token.revokedAt)}</span>}
        </span>
      </td>
      <td className="st-actions">
        {status === 'active' &&
          (confirming ? (
            <span className="st-confirm" role="group" aria-label={`Confirm revoking ${token.name}`}>
              <span>Anything using it stops working at once.</span>
              <button
                type="button"
                className="button st-danger"
                disabled={revoke.isPending}
                onClick={doRevoke}
                autoFocus
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
              onClick={() => {
                revoke.reset();
                setConfirming(true);
              }}
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
