import { useQueryClient } from '@tanstack/react-query';
import type { Objective } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { invalidateOkrData } from '../../../lib/query-keys';
import { useDeleteObjective } from '../api/objectives.api';
import { ConfirmDialog } from '../../../components/Dialog';

/** Confirms deleting an objective with its key results; the server refuses while team objectives ladder up to it. */
export function DeleteObjectiveDialog({
  objective,
  keyResultCount,
  onClose,
}: {
  objective: Objective;
  keyResultCount: number;
  onClose: () => void;
}) {
  const remove = useDeleteObjective();
  const notify = useNotify();
  const client = useQueryClient();
  return (
    <ConfirmDialog
      title={`Delete objective “${objective.title}”?`}
      confirmLabel="Delete objective"
      pending={remove.isPending}
      error={remove.error?.message ?? null}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(
          { id: objective.id, version: objective.version },
          {
            onSuccess: () => {
              notify({ kind: 'success', message: `Deleted objective “${objective.title}”` });
              onClose();
            },
            onError: () => void invalidateOkrData(client),
          },
        )
      }
    >
      <p>
        {keyResultCount === 0
          ? 'It has no key results.'
          : `Its ${keyResultCount === 1 ? 'key result goes' : `${keyResultCount} key results go`} with it.`}{' '}
        Backlog items linked to them keep their links, flagged as stale.
      </p>
    </ConfirmDialog>
  );
}
