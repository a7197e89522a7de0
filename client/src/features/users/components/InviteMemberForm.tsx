import { CreateUserSchema, ROLES, type CreatedUser, type Role } from '@keyline/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { userKeys } from '../../../lib/query-keys';
import { usersApi } from '../api/users.api';
import { errorMessage, fieldErrors, upsertByName } from '../../../lib/errors';
import { ROLE_LABELS } from '../utils/roles';

/** Invite a member by email, name and role; the server generates the password. */
export function InviteMemberForm({ onInvited }: { onInvited: (user: CreatedUser) => void }) {
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const invite = useMutation({
    mutationFn: usersApi.invite,
    onSuccess: (user) => {
      const { generatedPassword: _secret, ...listed } = user;
      qc.setQueryData(userKeys.list(), (list: CreatedUser[] | undefined) => upsertByName(list, listed));
      // Owner names and pickers elsewhere read the member directory.
      void qc.invalidateQueries({ queryKey: userKeys.members() });
      setEmail('');
      setName('');
      setRole('editor');
      onInvited(user);
    },
  });
  const errors = { ...fieldErrors(invite.error), ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateUserSchema.safeParse({ email, name, role });
    if (!parsed.success) {
      setLocalErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setLocalErrors({});
    invite.mutate(parsed.data);
  };

  return (
    <form className="st-form" onSubmit={submit} noValidate aria-labelledby="st-invite-title">
      <h3 id="st-invite-title">Invite a member</h3>
      <div className="st-form-row">
        <Field id="st-invite-email" label="Email" error={errors.email}>
          <input
            id="st-invite-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? 'st-invite-email-error' : undefined}
          />
        </Field>
        <Field id="st-invite-name" label="Name" error={errors.name}>
          <input
            id="st-invite-name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'st-invite-name-error' : undefined}
          />
        </Field>
        <Field id="st-invite-role" label="Role">
          <select id="st-invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r].name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button primary st-form-submit" disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <p className="meta">{ROLE_LABELS[role].can}</p>
      {invite.isError && Object.keys(fieldErrors(invite.error)).length === 0 && (
        <p role="alert" className="error-text">
          {errorMessage(invite.error)}
        </p>
      )}
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="field st-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span id={`${id}-error`} className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
