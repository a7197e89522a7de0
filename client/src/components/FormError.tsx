import { errorMessage, fieldErrors } from '../lib/errors';

/**
 * The server's message for a failed request, unless its field messages say
 * it already under their fields. For the settings forms, whose general
 * message stands apart from the fields.
 */
export function FormError({ error, prefix = '' }: { error: unknown; prefix?: string }) {
  if (!error || Object.keys(fieldErrors(error)).length > 0) return null;
  return (
    <p role="alert" className="error-text">
      {prefix}
      {errorMessage(error)}
    </p>
  );
}
