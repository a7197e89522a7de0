import { useState, type FormEvent } from 'react';
import type { CreatedShareLink } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { TextField } from '../../../components/FormFields';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form-validation';
import { useCreateShareLink } from '../api/share-links.api';
import { shareLinkInput, shareUrl } from '../utils/share-link-form';
import { CreatedLink } from './CreatedLink';
import { ShareLinkList } from './ShareLinkList';
import './share-links.css';

/**
 * Read-only links to the dashboard: create one (name, optional expiry), see
 * its address once to copy it, list them with their status, revoke them.
 */
export function ShareLinksPanel({ teamId = null, onDone }: { teamId?: string | null; onDone?: () => void }) {
  const notify = useNotify();
  const create = useCreateShareLink();
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ link: CreatedShareLink; url: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = shareLinkInput(name, expiresOn);
    if (!input.ok) return setErrors(input.errors);
    setErrors({});
    create.mutate(input.data, {
      onSuccess: (link) => {
        setCreated({ link, url: shareUrl(window.location.origin, link.url, teamId) });
        setName('');
        setExpiresOn('');
        notify({ kind: 'success', message: `Created the link “${link.name}”` });
      },
      onError: (error) => setErrors({ ...serverFieldErrors(error), form: error.message }),
    });
  };

  return (
    <div className="share-panel">
      <p>
        Anyone with a link sees the active quarter's dashboard, read-only, without signing in — and nothing else in
        Keyline. Revoke a link to shut it at once.
      </p>
      {created && <CreatedLink name={created.link.name} url={created.url} onDismiss={() => setCreated(null)} />}
      <form className="share-form" onSubmit={submit} noValidate aria-label="New share link">
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          hint="Who it is for, e.g. “Board, Q4 review”"
          autoFocus
        />
        <TextField
          label="Expires on (optional)"
          type="date"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          error={errors.expiresAt}
          hint="Works until the end of that day. Leave empty for no expiry."
        />
        <div className="share-form-submit">
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create link'}
          </button>
        </div>
      </form>
      {errors.form && !errors.name && !errors.expiresAt && (
        <p role="alert" className="error-text">
          Couldn't create the link: {errors.form}
        </p>
      )}
      <ShareLinkList />
      {onDone && (
        <div className="row-actions okr-dialog-actions">
          <button type="button" className="button" onClick={onDone}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
