import type { ScoringFramework } from '@keyline/shared';
import { FRAMEWORK_OPTIONS } from '../utils/frameworks';

/** The intrinsic-score framework, as radio buttons each showing its formula. */
export function FrameworkPicker({
  value,
  onChange,
}: {
  value: ScoringFramework;
  onChange: (framework: ScoringFramework) => void;
}) {
  return (
    <fieldset className="settings-fieldset">
      <legend>Framework</legend>
      <p className="meta">
        The intrinsic score of an item, before alignment. Missing estimates make an item “not scorable”, never 0.
      </p>
      <div className="framework-options">
        {FRAMEWORK_OPTIONS.map((option) => (
          <label key={option.value} className={`framework-option${value === option.value ? ' selected' : ''}`}>
            <input
              type="radio"
              name="framework"
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>
              <strong>{option.label}</strong>
              <span className="meta framework-formula">{option.formula}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
