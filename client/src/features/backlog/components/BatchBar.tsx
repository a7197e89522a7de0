/** Appears while rows are selected: act on all of them at once. */
export function BatchBar({
  count,
  onTag,
  onMoveToTop,
  onClear,
}: {
  count: number;
  onTag: () => void;
  onMoveToTop: () => void;
  onClear: () => void;
}) {
  if (count === 0) return null;
  return (
    <div className="bl-batch" role="region" aria-label="Selected items">
      <strong>{count.toLocaleString()} selected</strong>
      <button type="button" className="button primary" onClick={onTag}>
        Tag to KR
      </button>
      <button type="button" className="button" onClick={onMoveToTop}>
        Move to top
      </button>
      <button type="button" className="button" onClick={onClear}>
        Clear
      </button>
      <span className="meta">X toggles a row · Shift+↑/↓ extends · T tags</span>
    </div>
  );
}
