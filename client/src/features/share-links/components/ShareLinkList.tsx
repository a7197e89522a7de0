import { useState } from 'react';
import type { ShareLink } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useRevokeShareLink, useShareLinks } from '../api/share-links.api';
import { LINK_STATUS } from '../utils/share-link-form';

/** Every link with its status; active ones can be revoked after a second click. */
export function ShareLinkList() {
  const links = useShareLinks();
  const revoke = useRevokeShareLink();
  const notify = useNotify();
  const [confirming, setConfirming] = useState<string | null>(null);

  if (links.isPending) return <p className="meta">Loading links…</p>;
  if (links.error) return <p role="alert">Couldn't load the links: {links.error.message}</p>;
  if (links.data.length === 0) return <p className="meta">No links yet.</p>;

  const doRevoke = (link: ShareLink) =>
    revoke.mutate(link, {
      onSuccess: () => notify({ kind: 'success', message: `Revoked “${link.name}”: it no longer opens` }),
      onError: (error) => notify({ kind: 'error', message: `Couldn't revoke “${link.name}”: ${error.message}` }),
      onSettled: () => setConfirming(null),
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
                {link.status === 'active' &&
                  (confirming === link.id ? (
                    <span className="row-actions">
                      <button
                        type="button"
                        className="button danger small"
                        onClick={() => doRevoke(link)}
                        disabled={revoke.isPending}
                      >
                        Revoke “{link.name}”
                      </button>
                      <button type="button" className="button small" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setConfirming(link.id)}
                      aria-label={`Revoke ${link.name}`}
                    >
                      Revoke
                    </button>
                  ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
