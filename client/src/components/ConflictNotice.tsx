import { isVersionConflict } from '../lib/errors';

/**
 * What a user sees when the server answers 412: someone else changed the
 * row first. Shows their version and lets the user take theirs (reload) or
 * apply their own change again on top of it. Never overwrites silently.
 */
export function ConflictNotice({
  error,
  what,
  describe,
  onReload,
  onReapply,
}: {
  error: unknown;
  /** e.g. "key result" */
  what: string;
  /** Optional one-liner comparing the two, e.g. "Theirs 1,920 · yours 1,870". */
  describe?: (current: Record<string, unknown>) => string;
  onReload: () => void;
  onReapply: (current: Record<string, unknown>) => void;
}) {
  if (!isVersionConflict(error)) return null;
  const current = (error.body?.current ?? {}) as Record<string, unknown>;
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>Someone else changed this {what}</strong> (now version {String(current.version ?? '?')}), so your edit
        wasn't saved.
        {describe && ` ${describe(current)}`}
      </p>
      <div className="row-actions">
        <button type="button" className="button" onClick={onReload}>
          Keep theirs
        </button>
        <button type="button" className="button primary" onClick={() => onReapply(current)}>
          Use mine
        </button>
      </div>
    </div>
  );
}
