import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CONFIRM_WORD, formatFileSize, isConfirmed } from '../utils/backup-file';

/** The last step before a restore: what it does, and the word to type before the button enables. */
export function ConfirmRestore({
  file,
  pending,
  onRestore,
  onCancel,
}: {
  file: File;
  pending: boolean;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const wordInput = useRef<HTMLInputElement>(null);
  const confirmed = isConfirmed(typed);

  // A new file starts the confirmation over, with the cursor where the word goes.
  useEffect(() => {
    setTyped('');
    wordInput.current?.focus();
  }, [file]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmed && !pending) onRestore();
  };

  return (
    <form className="bk-confirm" onSubmit={submit} aria-labelledby="bk-confirm-title" noValidate>
      <h4 id="bk-confirm-title">
        Restore “{file.name}” ({formatFileSize(file.size)})?
      </h4>
      <p id="bk-confirm-warning">
        <strong>This replaces all current data</strong> in this Keyline with the backup's, your own account included,
        and signs everyone out. You then sign in with an account from the backup.
      </p>
      <div className="field st-field bk-word">
        <label htmlFor="bk-confirm-word">Type {CONFIRM_WORD} to confirm</label>
        <input
          id="bk-confirm-word"
          ref={wordInput}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          disabled={pending}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby="bk-confirm-warning"
        />
      </div>
      <div className="bk-actions">
        <button type="submit" className="button st-danger" disabled={!confirmed || pending}>
          {pending ? 'Restoring…' : 'Replace everything and sign out'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
      {pending && (
        <div role="status" className="bk-progress">
          <progress aria-label="Restoring the backup" />
          <span>
            Uploading and checking the whole file before anything is written; a large backup can take a minute.
          </span>
        </div>
      )}
    </form>
  );
}
