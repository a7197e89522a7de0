import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/errors';
import { useRestoreBackup } from '../api/backup.api';
import { ConfirmRestore } from './ConfirmRestore';
import { RestoredSummary } from './RestoredSummary';

/**
 * Choose a file, confirm by typing the word, restore. The server takes a
 * backup only into an empty installation and checks the whole file before
 * writing, so any refusal leaves everything as it was.
 */
export function RestoreBackup() {
  const restore = useRestoreBackup();
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (restore.isError) errorRef.current?.focus();
  }, [restore.isError]);

  const choose = (chosen: File | null) => {
    restore.reset();
    setFile(chosen);
  };
  const cancel = () => {
    choose(null);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  return (
    <div className="st-form bk-card" role="group" aria-labelledby="bk-restore-title">
      <h3 id="bk-restore-title">Restore from a backup</h3>
      <p>
        Only into a new, empty Keyline: start it on an empty database with <code>KEYLINE_SEED=none</code> and{' '}
        <code>KEYLINE_ADMIN_EMAIL</code>/<code>KEYLINE_ADMIN_PASSWORD</code>, sign in as that admin, then restore here.
        A Keyline that already holds data or other members refuses the restore and changes nothing.
      </p>
      {restore.isSuccess ? (
        <RestoredSummary restored={restore.data.restored} />
      ) : (
        <>
          <div className="field st-field bk-file">
            <label htmlFor="bk-file">Backup file (.json)</label>
            <input
              id="bk-file"
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              aria-describedby="bk-file-hint"
              disabled={restore.isPending}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
            <p id="bk-file-hint" className="meta bk-note">
              A file saved with Download backup, from this same Keyline version; up to 100 MB.
            </p>
          </div>
          {file && (
            <ConfirmRestore
              file={file}
              pending={restore.isPending}
              onRestore={() => restore.mutate(file)}
              onCancel={cancel}
            />
          )}
          {restore.isError && (
            <div role="alert" className="bk-error" tabIndex={-1} ref={errorRef}>
              <p className="error-text">
                <strong>Nothing was restored.</strong> {errorMessage(restore.error)}
              </p>
              <Issues error={restore.error} />
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The first few problems the server listed, beyond the one its message already names. */
function Issues({ error }: { error: unknown }) {
  const issues = error instanceof ApiError ? (error.body?.issues ?? []) : [];
  if (issues.length < 2) return null;
  return (
    <ul className="bk-issues">
      {issues.slice(0, 5).map((issue, i) => (
        <li key={i}>
          <code>{issue.path.join('.')}</code>: {issue.message}
        </li>
      ))}
      {issues.length > 5 && <li>and {issues.length - 5} more</li>}
    </ul>
  );
}
