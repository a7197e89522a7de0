/** Empty and error states (docs/UI.md, "Interaction"): say what happened and offer the way on. */
export function BacklogEmpty({
  filtered,
  canEdit,
  onClear,
}: {
  filtered: boolean;
  canEdit: boolean;
  onClear: () => void;
}) {
  if (filtered) {
    return (
      <div className="bl-state">
        <p>No items match these filters.</p>
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    );
  }
  return (
    <div className="bl-state">
      <p>{canEdit ? 'The backlog is empty. Add the first item with the line above.' : 'The backlog is empty.'}</p>
    </div>
  );
}

export function BacklogError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="bl-state" role="alert">
      <p>
        <strong>Couldn't load the backlog.</strong> {message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** Placeholder rows while the first page loads (visible only after 300 ms, by CSS). */
export function BacklogSkeleton() {
  return (
    <div className="bl-skeleton-table" role="status">
      <span className="sr-only">Loading the backlog…</span>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="bl-skeleton-row" aria-hidden="true">
          <span className="bl-skeleton" />
          <span className="bl-skeleton" />
          <span className="bl-skeleton" />
        </div>
      ))}
    </div>
  );
}
