import { errorMessage, isVersionConflict } from '../../../lib/errors';

/**
 * The foot of a notification settings form: Save, a "Saved." status, and the
 * error — a 412 in the words of whoever could have saved meanwhile.
 */
export function SaveBar({
  pending,
  saved,
  error,
  conflictMessage,
}: {
  pending: boolean;
  saved: boolean;
  error: Error | null;
  conflictMessage: string;
}) {
  const conflict = isVersionConflict(error);
  return (
    <>
      <div className="nt-form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <span role="status" className="meta">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {conflict ? conflictMessage : errorMessage(error)}
        </p>
      )}
    </>
  );
}
