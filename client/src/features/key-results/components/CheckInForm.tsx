import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CreateCheckInSchema, keyResultProgress, type Cycle, type KeyResult } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { formatDay, formatMetric, formatPercent } from '../../../lib/format';
import { focusFirstInvalid, TextAreaField, TextField } from '../../../components/FormFields';
import { ServerError } from '../../../components/ServerError';
import { serverFieldErrors, validateWith, type FieldErrors } from '../../../lib/form-validation';
import { useCreateCheckIn } from '../api/key-results.api';
import { BAND_ICON, BAND_LABEL, CONFIDENCE_BANDS_HINT, confidenceBand } from '../utils/confidence';

// "1,520,000" is how Keyline shows values, so it is accepted back (grouping commas only; "1,5" stays invalid).
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const asNumber = (text: string) => {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  return Number(GROUPED.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed);
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The moment a check-in is for: none (now) unless an earlier day is picked;
 * an earlier day is recorded at its noon UTC, so it stays that day in every time zone.
 */
export function checkInMoment(day: string, now = today()): string | undefined {
  return day === '' || day >= now ? undefined : `${day}T12:00:00.000Z`;
}

/**
 * Value (prefilled with the current one; a milestone is Done / Not done),
 * confidence 0–10 and a note, optionally for an earlier day of the quarter;
 * Ctrl+Enter posts from anywhere in it.
 */
export function CheckInForm({ keyResult: kr, cycle }: { keyResult: KeyResult; cycle?: Pick<Cycle, 'startsOn'> }) {
  const notify = useNotify();
  const post = useCreateCheckIn(kr.id);
  const formRef = useRef<HTMLFormElement>(null);
  const milestone = kr.metricType === 'milestone';
  const [value, setValue] = useState(milestone ? String(kr.currentValue >= 1 ? 1 : 0) : String(kr.currentValue));
  const [day, setDay] = useState('');
  const [confidence, setConfidence] = useState(String(kr.latestConfidence ?? 5));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const typedValue = asNumber(value);
  const preview = Number.isFinite(typedValue) ? keyResultProgress({ ...kr, currentValue: typedValue }) : null;
  const typedConfidence = asNumber(confidence);
  const band = confidenceBand(
    Number.isInteger(typedConfidence) && typedConfidence >= 0 && typedConfidence <= 10 ? typedConfidence : null,
  );

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (post.isPending) return;
    const at = checkInMoment(day);
    const result = validateWith(CreateCheckInSchema, {
      value: typedValue,
      confidence: typedConfidence,
      note,
      ...(at && { at }),
    });
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    post.mutate(result.data, {
      onSuccess: (checkIn) => {
        const forDay = at ? ` for ${formatDay(checkIn.at)}` : '';
        notify({
          kind: 'success',
          message: `Checked in ${formatMetric(checkIn.value, kr.unit, kr.metricType)}${forDay}`,
        });
        setNote('');
        setDay('');
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      ref={formRef}
      className="check-in-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-labelledby="check-in-title"
    >
      <h2 id="check-in-title">Check in</h2>
      {milestone ? (
        <fieldset className="milestone-toggle" aria-describedby={errors.value ? 'milestone-error' : undefined}>
          <legend>Status</legend>
          {(
            [
              ['0', 'Not done'],
              ['1', 'Done'],
            ] as const
          ).map(([v, label]) => (
            <label key={v} className="milestone-option">
              <input type="radio" name="value" value={v} checked={value === v} onChange={() => setValue(v)} />
              {label}
            </label>
          ))}
          <div className="meta">Last {formatMetric(kr.currentValue, kr.unit, kr.metricType)}</div>
          {errors.value && (
            <div id="milestone-error" className="error-text">
              {errors.value}
            </div>
          )}
        </fieldset>
      ) : (
        <TextField
          label="Value"
          name="value"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={errors.value}
          suffix={kr.unit || undefined}
          hint={
            <>
              Last {formatMetric(kr.currentValue, kr.unit, kr.metricType)}
              {preview !== null && <> · would be {formatPercent(preview)} done</>}
            </>
          }
        />
      )}
      <TextField
        label="Confidence (0–10)"
        name="confidence"
        type="number"
        min={0}
        max={10}
        step={1}
        value={confidence}
        onChange={(e) => setConfidence(e.target.value)}
        error={errors.confidence}
        suffix={
          <span className={`confidence-word band-${band}`}>
            <span aria-hidden="true">{BAND_ICON[band]}</span> {band === 'none' ? '—' : BAND_LABEL[band]}
          </span>
        }
        hint={CONFIDENCE_BANDS_HINT}
      />
      <TextAreaField
        label="What changed? Blockers?"
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={errors.note}
        rows={3}
      />
      <TextField
        label="For (optional)"
        name="at"
        type="date"
        value={day}
        min={cycle?.startsOn}
        max={today()}
        onChange={(e) => setDay(e.target.value)}
        error={errors.at}
        hint="Leave empty for now; pick an earlier day of the quarter to record a number late."
      />
      <ServerError error={post.error} />
      <button type="submit" className="button primary" disabled={post.isPending} aria-keyshortcuts="Control+Enter">
        {post.isPending ? 'Posting…' : 'Post check-in'}
        <kbd className="kbd-hint" aria-hidden="true">
          Ctrl+Enter
        </kbd>
      </button>
    </form>
  );
}
