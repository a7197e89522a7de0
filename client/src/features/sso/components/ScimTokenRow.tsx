import type { ScimToken } from '@keyline/shared';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useNotify } from '../../../components/Notifier';
import { errorMessage } from '../../../lib/errors';
import { useRevokeScimToken } from '../api/sso.api';

/** One SCIM token: who made it, when it was last used, Active or Revoked (in words); revoking asks first. */
export function ScimTokenRow({ token, created, lastUsed }: { token: ScimToken; created: string; lastUsed: string }) {
  const notify = useNotify();
  const revoke = useRevokeScimToken();
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
        {active && (
          <ConfirmDeleteButton
            label="Revoke"
            name={`Revoke ${token.name}`}
            question="Provisioning with it stops at once."
            groupName={`Confirm revoking ${token.name}`}
            pending={revoke.isPending}
            onConfirm={(close) =>
              revoke.mutate(token, {
                onSuccess: () => notify({ kind: 'success', message: `Revoked “${token.name}”` }),
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
