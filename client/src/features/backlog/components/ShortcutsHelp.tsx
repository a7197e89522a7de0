const KEYS: [string, string][] = [
  ['/', 'Search'],
  ['C', 'Add an item'],
  ['↑ ↓ or J K', 'Move between rows'],
  ['Enter', 'Open the item'],
  ['E', 'Edit the row (status first; Tab moves, Enter saves, Esc restores)'],
  ['X', 'Select the row'],
  ['Shift+↑ ↓', 'Extend the selection'],
  ['T', 'Tag to a key result'],
  ['Alt+↑ ↓', 'Move up or down in the rank'],
  ['Esc', 'Clear the selection, close the panel'],
  ['?', 'Show these keys'],
];

/** The keyboard reference, with the switch for single-key shortcuts. */
export function ShortcutsHelp({
  open,
  onToggle,
  singleKeys,
  onSingleKeys,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  singleKeys: boolean;
  onSingleKeys: (on: boolean) => void;
}) {
  return (
    <div className="bl-help">
      <button
        type="button"
        className="button ghost"
        aria-expanded={open}
        aria-controls="bl-help-panel"
        onClick={() => onToggle(!open)}
      >
        Keyboard shortcuts
      </button>
      {open && (
        <div id="bl-help-panel" className="bl-help-panel">
          <dl>
            {KEYS.map(([key, what]) => (
              <div key={key} className="bl-help-row">
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <label className="bl-toggle">
            <input type="checkbox" checked={singleKeys} onChange={(e) => onSingleKeys(e.target.checked)} />
            Single-key shortcuts (/, C, J, K, X, T, E, ?)
          </label>
        </div>
      )}
    </div>
  );
}
