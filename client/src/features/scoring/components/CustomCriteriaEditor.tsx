import { ESTIMATE_FIELD_RULES, ESTIMATE_FIELDS, type EstimateField } from '@keyline/shared';
import type { CriterionDraft, DraftErrors } from '../utils/settings-draft';

const fieldLabel = (field: EstimateField) => {
  const label = ESTIMATE_FIELD_RULES[field].label;
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** Rows of (estimate, weight): the custom score is their weighted sum. */
export function CustomCriteriaEditor({
  criteria,
  errors,
  onChange,
}: {
  criteria: readonly CriterionDraft[];
  errors: DraftErrors;
  onChange: (criteria: CriterionDraft[]) => void;
}) {
  const unused = ESTIMATE_FIELDS.filter((f) => !criteria.some((c) => c.field === f));
  const update = (index: number, patch: Partial<CriterionDraft>) =>
    onChange(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const listError = errors.customCriteria;
  return (
    <fieldset className="settings-fieldset" aria-describedby={listError ? 'criteria-error' : undefined}>
      <legend>Custom criteria</legend>
      <p className="meta">
        Score = Σ weight × estimate. Weights are 0 or more; an item missing any listed estimate is not scorable.
      </p>
      {criteria.length === 0 && <p>No criteria yet.</p>}
      <ol className="criteria-list">
        {criteria.map((c, index) => {
          const fieldError = errors[`customCriteria.${index}.field`];
          const weightError = errors[`customCriteria.${index}.weight`];
          return (
            <li key={index} className="criterion-row">
              <label>
                <span>Estimate {index + 1}</span>
                <select
                  value={c.field}
                  onChange={(e) => update(index, { field: e.target.value as EstimateField })}
                  aria-invalid={fieldError ? true : undefined}
                >
                  {ESTIMATE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(f)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>Weight {index + 1}</span>
                <input
                  inputMode="decimal"
                  size={6}
                  value={c.weight}
                  onChange={(e) => update(index, { weight: e.target.value })}
                  aria-invalid={weightError ? true : undefined}
                />
              </label>
              <button
                type="button"
                className="button"
                aria-label={`Remove ${fieldLabel(c.field)}`}
                onClick={() => onChange(criteria.filter((_, i) => i !== index))}
              >
                Remove
              </button>
              {(fieldError || weightError) && <span className="error-text">{fieldError ?? weightError}</span>}
            </li>
          );
        })}
      </ol>
      {listError && (
        <p id="criteria-error" className="error-text">
          {listError}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={unused.length === 0}
        onClick={() => {
          const field = unused[0];
          if (field) onChange([...criteria, { field, weight: '1' }]);
        }}
      >
        Add criterion
      </button>
    </fieldset>
  );
}
