import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface CellOption {
  value: string;
  label: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A table cell that becomes an input (or a select) in place: Enter or
 * leaving the cell saves, Esc restores, Tab saves and moves on. Errors show
 * as text under the input and keep it open.
 */
export function EditableCell<T>({
  label,
  display,
  displayText,
  editing,
  initial,
  options,
  parse,
  onSave,
  onInvalid,
  onEditingChange,
  tabIndex,
  className,
}: {
  /** e.g. 'Effort of "Dark mode"'. */
  label: string;
  display: ReactNode;
  /** The display as words, for the button's accessible name. */
  displayText: string;
  editing: boolean;
  /** The editor's starting text. */
  initial: string;
  /** When given, the editor is a select of these. */
  options?: readonly CellOption[];
  parse: (text: string) => Parsed<T>;
  onSave: (value: T) => void;
  /** A value that cannot be saved was left behind by moving focus away. */
  onInvalid?: (message: string) => void;
  onEditingChange: (editing: boolean) => void;
  tabIndex: number;
  className?: string;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Set when the edit ended by keyboard in place, so focus returns to the cell.
  const refocus = useRef(false);
  // Enter and Esc end the edit before the blur that follows it.
  const done = useRef(false);

  // `initial` is read when editing starts on purpose: not tracked while typing.
  const [wasEditing, setWasEditing] = useState(editing);
  if (editing !== wasEditing) {
    setWasEditing(editing);
    if (editing) {
      setText(initial);
      setError(null);
    }
  }
  const selectOnFocus = !options;
  useEffect(() => {
    if (editing) {
      done.current = false;
      inputRef.current?.focus();
      if (selectOnFocus) inputRef.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [editing, selectOnFocus]);

  const commit = (how: 'enter' | 'tab' | 'blur'): boolean => {
    if (done.current) return true;
    if (text === initial) {
      done.current = true;
      refocus.current = how === 'enter';
      onEditingChange(false);
      return true;
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      if (how === 'blur') {
        done.current = true;
        onInvalid?.(parsed.message);
        onEditingChange(false);
        return true;
      }
      setError(parsed.message);
      return false;
    }
    done.current = true;
    refocus.current = how === 'enter';
    onEditingChange(false);
    onSave(parsed.value);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed into the editor are not table shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      commit('enter');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      refocus.current = true;
      onEditingChange(false);
    } else if (event.key === 'Tab') {
      if (!commit('tab')) event.preventDefault();
    }
  };

  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`bl-cell-button ${className ?? ''}`}
        tabIndex={tabIndex}
        aria-label={`${label}: ${displayText}. Edit`}
        onClick={() => onEditingChange(true)}
      >
        {display}
      </button>
    );
  }

  const errorId = `${label.replace(/\W+/g, '-')}-error`;
  return (
    <span className="bl-cell-editor">
      {options ? (
        <select
          ref={inputRef}
          aria-label={label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => commit('blur')}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          ref={inputRef}
          aria-label={label}
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => commit('blur')}
        />
      )}
      {error && (
        <span id={errorId} role="alert" className="bl-cell-error">
          {error}
        </span>
      )}
    </span>
  );
}
