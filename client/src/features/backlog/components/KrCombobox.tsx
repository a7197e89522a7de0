import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { searchKrOptions, type KrOption } from '../utils/kr-options';

const MAX_SHOWN = 50;

/**
 * Type to search key results, ↑/↓ to move through the matches, Enter to
 * pick (the ARIA 1.2 combobox pattern with a listbox popup).
 */
export function KrCombobox({
  options,
  linked,
  onPick,
  autoFocus,
}: {
  options: readonly KrOption[];
  /** KR id → current strength for KRs the item already serves. */
  linked: ReadonlyMap<string, number>;
  onPick: (option: KrOption) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchKrOptions(options, query).slice(0, MAX_SHOWN), [options, query]);
  const current = matches[Math.min(active, matches.length - 1)];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current);
    }
  };

  return (
    <div className="kr-combobox">
      <label htmlFor={`${id}-input`} className="kr-label">
        Find a key result
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${id}-opt-${current.id}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder="Type to search this quarter's key results"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Key results" className="kr-list">
        {matches.map((option, index) => {
          const strength = linked.get(option.id);
          return (
            <li
              key={option.id}
              id={`${id}-opt-${option.id}`}
              role="option"
              aria-selected={option === current}
              className={`kr-option${option === current ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(option)}
            >
              <span className="kr-option-title">{option.title}</span>
              <span className="meta">
                {option.objectiveTitle}
                {strength !== undefined && ` · already linked, strength ${strength}`}
              </span>
            </li>
          );
        })}
      </ul>
      {matches.length === 0 && (
        <p className="meta" role="status">
          {options.length === 0 ? 'The active quarter has no key results yet.' : `No key result matches "${query}".`}
        </p>
      )}
    </div>
  );
}
