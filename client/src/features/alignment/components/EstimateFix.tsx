import { ESTIMATE_FIELD_RULES, IMPACT_VALUES, type EstimateField, type EstimateFields } from '@keyline/shared';
import { useId, useState, type FormEvent } from 'react';
import { parseEstimateInput } from '../utils/flag-fixes';

const IMPACT_NAMES: Record<number, string> = { 0.25: 'Minimal', 0.5: 'Low', 1: 'Medium', 2: 'High', 3: 'Massive' };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function fieldLabel(field: EstimateField): string {
  const label = capitalised(ESTIMATE_FIELD_RULES[field].label);
  if (field === 'effort' || field === 'jobSize') return `${label} (pts)`;
  if (field === 'confidence') return `${label} (%)`;
  return label;
}

function initialText(field: EstimateField, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return field === 'confidence' ? String(Math.round(value * 1000) / 10) : String(value);
}

/** Inline inputs for the estimates an item lacks (or has out of range), saved together. */
export function EstimateFix({
  itemTitle,
  fields,
  current,
  busy,
  submitLabel,
  onSave,
}: {
  itemTitle: string;
  fields: readonly EstimateField[];
  current: Partial<EstimateFields>;
  busy: boolean;
  submitLabel: string;
  onSave: (patch: Partial<EstimateFields>) => void;
}) {
  const [text, setText] = useState<Partial<Record<EstimateField, string>>>(() =>
    Object.fromEntries(fields.map((f) => [f, initialText(f, current[f])])),
  );
  const [errors, setErrors] = useState<Partial<Record<EstimateField, string>>>({});
  const baseId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Partial<EstimateFields> = {};
    const nextErrors: Partial<Record<EstimateField, string>> = {};
    for (const field of fields) {
      const parsed = parseEstimateInput(field, text[field] ?? '');
      if (parsed.ok) patch[field] = parsed.value;
      else nextErrors[field] = parsed.message;
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length === 0) onSave(patch);
  };

  return (
    <form className="estimate-fix" onSubmit={submit} noValidate>
      {fields.map((field) => {
        const id = `${baseId}-${field}`;
        const errorId = `${id}-error`;
        const label = fieldLabel(field);
        return (
          <div key={field} className="estimate-field">
            <label htmlFor={id}>{label}</label>
            {field === 'impact' ? (
              <select
                id={id}
                aria-label={`${label} of ${itemTitle}`}
                value={text.impact ?? ''}
                onChange={(e) => setText((t) => ({ ...t, impact: e.target.value }))}
                aria-invalid={errors.impact ? true : undefined}
                aria-describedby={errors.impact ? errorId : undefined}
              >
                <option value="">Choose…</option>
                {IMPACT_VALUES.map((v) => (
                  <option key={v} value={String(v)}>
                    {v} {IMPACT_NAMES[v]}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                aria-label={`${label} of ${itemTitle}`}
                inputMode="decimal"
                size={6}
                value={text[field] ?? ''}
                onChange={(e) => setText((t) => ({ ...t, [field]: e.target.value }))}
                aria-invalid={errors[field] ? true : undefined}
                aria-describedby={errors[field] ? errorId : undefined}
              />
            )}
            {errors[field] && (
              <span id={errorId} className="error-text">
                {errors[field]}
              </span>
            )}
          </div>
        );
      })}
      <button type="submit" className="button primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
