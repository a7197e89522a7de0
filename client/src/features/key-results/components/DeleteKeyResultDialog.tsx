import { useQueryClient } from '@tanstack/react-query';
import type { KeyResult } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { ConfirmDialog } from '../../../components/Dialog';
import { useDeleteKeyResult } from '../api/key-results.api';
import { invalidateOkrData } from '../../../lib/query-keys';

/** Confirms deleting a KR, saying what happens to the work linked to it. */
export function DeleteKeyResultDialog({
  keyResult,
  onClose,
  onDeleted,
}: {
  keyResult: KeyResult;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const remove = useDeleteKeyResult();
  const notify = useNotify();
  const client = useQueryClient();
  const items = keyResult.openItemCount;
  return (
    <ConfirmDialog
      title={`Delete key result “${keyResult.title}”?`}
      confirmLabel="Delete key result"
      pending={remove.isPending}
      error={remove.error?.message ?? null}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(
          { id: keyResult.id, version: keyResult.version },
          {
            onSuccess: () => {
              notify({ kind: 'success', message: `Deleted key result “${keyResult.title}”` });
              onClose();
              onDeleted?.();
            },
            // A 412 means our copy is stale: fetch the current one so a second try can succeed.
            onError: () => void invalidateOkrData(client),
          },
        )
      }
    >
      <p>
        Its check-ins go with it.{' '}
        {items > 0
          ? `${items === 1 ? '1 open backlog item is' : `${items} open backlog items are`} linked to it; the links are kept and flagged as stale.`
          : 'No open backlog items are linked to it.'}
      </p>
    </ConfirmDialog>
  );
}
