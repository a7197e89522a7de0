import './controls.css';
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/** Label, control and its error message wired together (aria-invalid + aria-describedby), errors as text below. */
function FieldShell({
  label,
  error,
  alertError,
  hint,
  children,
  className,
}: {
  label: string;
  error?: string;
  alertError?: boolean;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy })}
      {hint && (
        <div id={hintId} className="meta">
          {hint}
        </div>
      )}
      {error && (
        <div id={errorId} className="error-text" role={alertError ? 'alert' : undefined}>
          {error}
        </div>
      )}
    </div>
  );
}

type Common = {
  label: string;
  error?: string;
  /** Announce the error as it appears (the one-line settings forms, whose errors were always alerts). */
  alertError?: boolean;
  hint?: ReactNode;
  className?: string;
};

export function TextField({
  label,
  error,
  alertError,
  hint,
  className,
  suffix,
  'aria-describedby': alsoDescribedBy,
  ...input
}: Common & { suffix?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} error={error} alertError={alertError} hint={hint} className={className}>
      {({ id, describedBy }) => (
        <div className="okr-input-row">
          <input
            id={id}
            aria-invalid={error ? true : undefined}
            aria-describedby={[describedBy, alsoDescribedBy].filter(Boolean).join(' ') || undefined}
            {...input}
          />
          {suffix && <span className="okr-input-suffix">{suffix}</span>}
        </div>
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  error,
  alertError,
  hint,
  className,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} error={error} alertError={alertError} hint={hint} className={className}>
      {({ id, describedBy }) => (
        <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  alertError,
  hint,
  className,
  options,
  ...select
}: Common & { options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} error={error} alertError={alertError} hint={hint} className={className}>
      {({ id, describedBy }) => (
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Moves focus to the first field the validation flagged, so keyboard users land on what to fix. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
