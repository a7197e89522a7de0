import { CreateUserSchema, ROLES, type CreatedUser, type CreateUserInput, type Role } from '@keyline/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { focusFirstInvalid, SelectField, TextField } from '../../../components/FormFields';
import { upsertByName } from '../../../lib/errors';
import { userKeys } from '../../../lib/query-keys';
import { showServerErrors, useSchemaForm } from '../../../lib/useSchemaForm';
import { usersApi } from '../api/users.api';
import { ROLE_LABELS } from '../utils/roles';
import { FormError } from '../../../components/FormError';

interface InviteDraft {
  email: string;
  name: string;
  role: Role;
}

const EMPTY: InviteDraft = { email: '', name: '', role: 'editor' };

/** Invite a member by email, name and role; the server generates the password. */
export function InviteMemberForm({ onInvited }: { onInvited: (user: CreatedUser) => void }) {
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm<InviteDraft, CreateUserInput>({
    defaultValues: EMPTY,
    schema: CreateUserSchema,
    toInput: (draft) => draft,
  });
  const errors = form.formState.errors;
  const invite = useMutation({
    mutationFn: usersApi.invite,
    onSuccess: (user) => {
      const { generatedPassword: _secret, ...listed } = user;
      qc.setQueryData(userKeys.list(), (list: CreatedUser[] | undefined) => upsertByName(list, listed));
      // Owner names and pickers elsewhere read the member directory.
      void qc.invalidateQueries({ queryKey: userKeys.members() });
      form.reset(EMPTY);
      onInvited(user);
    },
    onError: (error) => showServerErrors(form, formRef, error),
  });

  const submit = form.handleSubmit(
    (input) => invite.mutate(input),
    () => focusFirstInvalid(formRef.current),
  );

  return (
    <form ref={formRef} className="st-form" onSubmit={submit} noValidate aria-labelledby="st-invite-title">
      <h3 id="st-invite-title">Invite a member</h3>
      <div className="st-form-row">
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          {...form.register('email')}
          error={errors.email?.message}
          alertError
          className="st-field"
        />
        <TextField
          label="Name"
          autoComplete="off"
          {...form.register('name')}
          error={errors.name?.message}
          alertError
          className="st-field"
        />
        <SelectField
          label="Role"
          {...form.register('role')}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r].name }))}
          className="st-field"
        />
        <button type="submit" className="button primary st-form-submit" disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <p className="meta">{ROLE_LABELS[form.watch('role')].can}</p>
      <FormError error={invite.error} />
    </form>
  );
}
