import { useEffect, useRef } from 'react';

/**
 * A compact multi-choice filter: a disclosure button that opens a group of
 * checkboxes. Built on <details> so it opens with Enter/Space and needs no
 * focus management of its own; it closes on a click outside or Esc.
 */
export function MultiSelectMenu<T extends string>({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const summary =
    selected.length === 0
      ? 'All'
      : selected.length <= 2
        ? options
            .filter((o) => selected.includes(o.value))
            .map((o) => o.label)
            .join(', ')
        : `${selected.length} chosen`;
  return (
    <details
      ref={ref}
      className="bl-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className={`button${selected.length ? ' is-on' : ''}`}>
        {label}: {summary}
      </summary>
      <fieldset className="bl-menu-panel">
        <legend className="sr-only">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className="bl-menu-option">
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? options.map((x) => x.value).filter((v) => v === o.value || selected.includes(v))
                    : selected.filter((v) => v !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
