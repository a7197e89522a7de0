import type { ShareLink } from '@keyline/shared';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useNotify } from '../../../components/Notifier';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useRevokeShareLink, useShareLinks } from '../api/share-links.api';
import { LINK_STATUS } from '../utils/share-link-form';

/** Every link with its status; active ones can be revoked after a second click. */
export function ShareLinkList() {
  const links = useShareLinks();
  const revoke = useRevokeShareLink();
  const notify = useNotify();

  if (links.isPending) return <p className="meta">Loading links…</p>;
  if (links.error) return <p role="alert">Couldn't load the links: {links.error.message}</p>;
  if (links.data.length === 0) return <p className="meta">No links yet.</p>;

  const doRevoke = (link: ShareLink, close: () => void) =>
    revoke.mutate(link, {
      onSuccess: () => notify({ kind: 'success', message: `Revoked “${link.name}”: it no longer opens` }),
      onError: (error) => notify({ kind: 'error', message: `Couldn't revoke “${link.name}”: ${error.message}` }),
      onSettled: close,
    });

  return (
    <table className="share-table">
      <caption>Links</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {links.data.map((link) => {
          const status = LINK_STATUS[link.status];
          return (
            <tr key={link.id} data-testid="share-link-row">
              <th scope="row">{link.name}</th>
              <td>
                {formatDay(link.createdAt)} <span className="meta">by {link.createdByName}</span>
              </td>
              <td>{link.expiresAt ? formatDateTime(link.expiresAt) : 'Never'}</td>
              <td>
                <span className={`badge share-status share-${link.status}`}>
                  <span aria-hidden="true">{status.icon}</span> {status.label}
                </span>
              </td>
              <td className="share-actions">
                {link.status === 'active' && (
                  <ConfirmDeleteButton
                    label="Revoke"
                    name={`Revoke ${link.name}`}
                    className="button small"
                    small
                    groupName={`Confirm revoking ${link.name}`}
                    confirmLabel={`Revoke “${link.name}”`}
                    cancelLabel="Keep"
                    pending={revoke.isPending}
                    onConfirm={(close) => doRevoke(link, close)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
