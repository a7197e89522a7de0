import { useId } from 'react';

/** One numeric setting: label, the box, its help text and its error, wired for screen readers. */
export function NumberSetting({
  label,
  help,
  value,
  error,
  onChange,
}: {
  label: string;
  help: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="setting-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <span id={`${id}-help`} className="meta">
        {help}
      </span>
      {error && (
        <span id={`${id}-error`} className="error-text">
          {error}
        </span>
      )}
    </div>
  );
}
