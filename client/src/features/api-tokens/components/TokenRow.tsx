import type { ApiToken } from '@keyline/shared';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useNotify } from '../../../components/Notifier';
import { formatDateTime, formatDay } from '../../../lib/format';
import { errorMessage } from '../../../lib/errors';
import { useRevokeApiToken } from '../api/api-tokens.api';
import { TOKEN_STATUS, tokenStatus } from '../utils/api-token-form';

/** One token: scope, dates, status as text; active ones revoke after a confirmation. */
export function TokenRow({ token, owner }: { token: ApiToken; owner?: string }) {
  const notify = useNotify();
  const revoke = useRevokeApiToken();
  const status = tokenStatus(token);
  const shown = TOKEN_STATUS[status];

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
        {status === 'active' && (
          <ConfirmDeleteButton
            label="Revoke"
            name={`Revoke ${token.name}`}
            question="Anything using it stops working at once."
            groupName={`Confirm revoking ${token.name}`}
            pending={revoke.isPending}
            onOpenChange={(open) => open && revoke.reset()}
            onConfirm={(close) =>
              revoke.mutate(token, {
                onSuccess: () => notify({ kind: 'success', message: `Revoked “${token.name}”: it no longer works` }),
                onSettled: close,
              })
            }
          />
        )}
        {revoke.isError && (
          <p role="alert" className="error-text">
            Couldn't revoke it: {errorMessage(revoke.error)}
          </p>
        )}
      </td>
    </tr>
  );
}
