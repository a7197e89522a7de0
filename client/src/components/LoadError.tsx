import { errorMessage } from '../lib/errors';

/** "Couldn't load the members. <the server's message> [Try again]": every settings section fails the same way. */
export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div role="alert">
      <p>
        Couldn't load the {what}. {errorMessage(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
