import { ROLES, type Role, type UpdateUserInput, type User } from '@keyline/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { ApiError } from '../../../lib/api';
import { userKeys } from '../../../lib/query-keys';
import { usersApi } from '../api/users.api';
import { errorMessage, isVersionConflict, upsertByName } from '../../../lib/errors';
import { ROLE_LABELS } from '../utils/roles';

/** One member: change the role, disable or enable. Nobody can lock themselves out. */
export function MemberRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [lastPatch, setLastPatch] = useState<UpdateUserInput | null>(null);
  const update = useMutation({
    mutationFn: ({ base, patch }: { base: User; patch: UpdateUserInput }) => usersApi.update(base, patch),
    onSuccess: (saved, { patch }) => {
      qc.setQueryData(userKeys.list(), (list: User[] | undefined) => upsertByName(list, saved));
      // Owner names and pickers elsewhere read the member directory.
      void qc.invalidateQueries({ queryKey: userKeys.members() });
      notify({
        kind: 'success',
        message:
          patch.disabled === true
            ? `${saved.name} is disabled and signed out`
            : patch.disabled === false
              ? `${saved.name} can sign in again`
              : `${saved.name} is now ${ROLE_LABELS[saved.role].name.toLowerCase()}`,
      });
    },
  });
  const save = (patch: UpdateUserInput, base: User = user, onSaved?: () => void) => {
    setLastPatch(patch);
    update.mutate({ base, patch }, { onSuccess: onSaved });
  };
  const conflict = isVersionConflict(update.error);

  return (
    <tr className={user.disabled ? 'is-disabled' : undefined}>
      <th scope="row">
        {user.name}
        {isSelf && <span className="meta"> (you)</span>}
      </th>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={isSelf || update.isPending}
          title={isSelf ? 'You cannot change your own role' : undefined}
          onChange={(e) => save({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r].name}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.disabled ? (
          <span className="st-status st-status-off">
            <span aria-hidden="true">✕</span> Disabled
          </span>
        ) : (
          <span className="st-status st-status-on">
            <span aria-hidden="true">●</span> Active
          </span>
        )}
      </td>
      <td className="st-actions">
        {isSelf ? (
          <span className="meta">Your own account</span>
        ) : user.disabled ? (
          <button
            type="button"
            className="button"
            aria-label={`Enable ${user.name}`}
            disabled={update.isPending}
            onClick={() => save({ disabled: false })}
          >
            Enable
          </button>
        ) : (
          <ConfirmDeleteButton
            label="Disable"
            name={`Disable ${user.name}`}
            question={`Sign ${user.name} out and block sign-in?`}
            groupName={`Confirm disabling ${user.name}`}
            pending={update.isPending}
            onConfirm={(close) => save({ disabled: true }, user, close)}
          />
        )}
        {update.isError && !conflict && (
          <p role="alert" className="error-text">
            {errorMessage(update.error)}
          </p>
        )}
        {conflict && lastPatch && (
          <ConflictNotice
            error={update.error}
            what="member"
            describe={(current) =>
              `Their role is now ${String(current.role)}, ${current.disabled ? 'disabled' : 'active'}.`
            }
            onReload={() => {
              const current = (update.error as ApiError).body?.current as User | undefined;
              if (current) qc.setQueryData(userKeys.list(), (list: User[] | undefined) => upsertByName(list, current));
              update.reset();
            }}
            onReapply={(current) => save(lastPatch, current as unknown as User)}
          />
        )}
      </td>
    </tr>
  );
}
