import { useState, type FormEvent, type ReactNode } from 'react';
import type { CreatedApiToken } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { fieldErrors } from '../../../lib/errors';
import { useCreateApiToken } from '../api/api-tokens.api';
import { apiTokenInput, type TokenFormErrors } from '../utils/api-token-form';
import { FormError } from '../../../components/FormError';

const SCOPE_HINTS = {
  read: 'Reads only, as a viewer would, whatever your role.',
  write: 'Reads and writes with your own role: anything you may change, it may change.',
} as const;

/** Name a token, pick read or write, optionally an expiry day. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const notify = useNotify();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [expiresOn, setExpiresOn] = useState('');
  const [localErrors, setLocalErrors] = useState<TokenFormErrors>({});
  const errors: TokenFormErrors = { ...fieldErrors(create.error), ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = apiTokenInput(name, scope, expiresOn);
    if (!input.ok) return setLocalErrors(input.errors);
    setLocalErrors({});
    create.mutate(input.data, {
      onSuccess: (token) => {
        setName('');
        setScope('read');
        setExpiresOn('');
        notify({ kind: 'success', message: `Created the token “${token.name}”` });
        onCreated(token);
      },
    });
  };

  return (
    <form className="st-form" onSubmit={submit} noValidate aria-labelledby="tk-new-title">
      <h3 id="tk-new-title">New API token</h3>
      <div className="st-form-row">
        <Field id="tk-new-name" label="Name" error={errors.name} hint="What uses it, e.g. “Nightly export”">
          <input
            id="tk-new-name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'tk-new-name-error' : 'tk-new-name-hint'}
          />
        </Field>
        <Field id="tk-new-scope" label="Access" error={errors.scope} hint={SCOPE_HINTS[scope]}>
          <select
            id="tk-new-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as 'read' | 'write')}
            aria-describedby="tk-new-scope-hint"
          >
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </Field>
        <Field
          id="tk-new-expires"
          label="Expires on (optional)"
          error={errors.expiresAt}
          hint="Works until the end of that day. Empty: no expiry."
        >
          <input
            id="tk-new-expires"
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
            aria-invalid={errors.expiresAt ? true : undefined}
            aria-describedby={errors.expiresAt ? 'tk-new-expires-error' : 'tk-new-expires-hint'}
          />
        </Field>
        <button type="submit" className="button primary st-form-submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
      <FormError error={create.error} prefix="Couldn't create the token: " />
    </form>
  );
}

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <div className="field st-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="error-text tk-field-note" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="meta tk-field-note">
          {hint}
        </p>
      )}
    </div>
  );
}
