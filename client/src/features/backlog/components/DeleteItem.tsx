import type { BacklogRow } from '@keyline/shared';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { isVersionConflict } from '../../../lib/errors';

/** Delete with a confirmation step; a 412 says someone changed the item first. */
export function DeleteItem({
  item,
  onDelete,
  onReload,
}: {
  item: BacklogRow;
  onDelete: () => Promise<void>;
  onReload: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="bl-panel-section bl-danger" aria-label="Delete">
      {!confirming ? (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Delete item…
        </button>
      ) : (
        <div role="group" aria-label="Confirm delete">
          <p>
            Delete <strong>"{item.title}"</strong>
            {item.links.length > 0 && ` and its ${item.links.length} KR link${item.links.length === 1 ? '' : 's'}`}?
            This cannot be undone.
          </p>
          <div className="row-actions">
            <button type="button" className="button danger" onClick={run} disabled={busy} autoFocus>
              {busy ? 'Deleting…' : 'Delete'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ConflictNotice
        error={error}
        what="item"
        onReload={() => {
          setError(null);
          onReload();
        }}
        onReapply={() => void run()}
      />
      {error !== null && !isVersionConflict(error) && (
        <p role="alert" className="error-text">
          {error instanceof Error ? error.message : 'Could not delete the item'}
        </p>
      )}
    </section>
  );
}
