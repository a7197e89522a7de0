import type { ReactNode } from 'react';
import { ServerError } from './ServerError';

/** The foot of a dialog form: the server's message, a 412 notice if any, Cancel and the submit button. */
export function FormActions({
  error,
  conflict,
  isPending,
  submitLabel,
  onCancel,
}: {
  error: unknown;
  conflict?: ReactNode;
  isPending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className="span-2">
      <ServerError error={error} />
      {conflict}
      <div className="row-actions okr-dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </div>
  );
}
