import { ChangePasswordSchema, type ChangePasswordInput } from '@keyline/shared';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/FormFields';
import { api } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { FormError } from '../../../components/FormError';

/**
 * "Change my password" from the account menu. The current password is asked
 * so a session left open on someone else's screen cannot take the account;
 * the server then ends every other session and API token of the user.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: (input: ChangePasswordInput) => api<void>('POST', '/api/auth/password', { body: input }),
  });
  const errors = { ...fieldErrors(change.error), ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ChangePasswordSchema.safeParse({ currentPassword, newPassword });
    const local: Record<string, string> = parsed.success
      ? {}
      : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    if (!local.newPassword && repeat !== newPassword) local.repeat = 'Does not match the new password';
    setLocalErrors(local);
    if (parsed.success && Object.keys(local).length === 0) change.mutate(parsed.data);
  };

  if (change.isSuccess) {
    return (
      <Dialog title="Password changed" onClose={onClose}>
        <p role="status">
          Your password is changed. You stay signed in here; your other sessions and your API tokens have ended.
        </p>
        <div className="row-actions okr-dialog-actions">
          <button type="button" className="button primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title="Change my password" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.currentPassword}
          autoFocus
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={errors.newPassword}
          hint="At least 12 characters; a passphrase of a few words works well."
        />
        <TextField
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={errors.repeat}
        />
        <p className="meta">Your other sessions and your API tokens end when the password changes.</p>
        <FormError error={change.error} />
        <div className="row-actions okr-dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
