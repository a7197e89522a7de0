import './controls.css';
import { formatPercent, MISSING } from '../lib/format';

/**
 * Progress as an accent bar (not tinted by status: confidence says that) with
 * a tick where pace expects it today, and the percent as text beside it.
 * The bar clamps to 0–100%; the text does not ("128%", "−12%").
 */
export function ProgressBar({ value, pace, label }: { value: number | null; pace?: number | null; label: string }) {
  const clamped = value === null ? 0 : Math.min(1, Math.max(0, value));
  const text = value === null ? MISSING : formatPercent(value);
  const paceText = pace === null || pace === undefined ? '' : `, pace expects ${formatPercent(pace)}`;
  return (
    <span className="okr-progress">
      <span
        className="okr-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : Math.round(clamped * 100)}
        aria-valuetext={value === null ? 'No data' : `${text}${paceText}`}
      >
        <span className="okr-bar-fill" style={{ width: `${clamped * 100}%` }} />
        {pace !== null && pace !== undefined && (
          <span
            className="okr-bar-pace"
            style={{ left: `${Math.min(1, Math.max(0, pace)) * 100}%` }}
            title={`Pace today: ${formatPercent(pace)}`}
          />
        )}
      </span>
      <span className="okr-progress-text num" aria-hidden="true">
        {text}
      </span>
      {value === null && <span className="sr-only">No data</span>}
    </span>
  );
}
