import { isVersionConflict } from '../lib/errors';

/** The server's own message for a failed save (a 412 gets the ConflictNotice instead). */
export function ServerError({ error }: { error: unknown }) {
  if (!error) return null;
  if (isVersionConflict(error)) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  return (
    <p role="alert" className="error-text okr-server-error">
      Couldn't save: {message}
    </p>
  );
}
