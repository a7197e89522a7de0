import { useRef, type KeyboardEvent } from 'react';
import {
  CreateCheckInSchema,
  keyResultProgress,
  type CreateCheckInInput,
  type Cycle,
  type KeyResult,
  isoDay,
} from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { formatDay, formatMetric, formatPercent } from '../../../lib/format';
import { focusFirstInvalid, TextAreaField, TextField } from '../../../components/FormFields';
import { ServerError } from '../../../components/ServerError';
import { showServerErrors, useSchemaForm } from '../../../lib/useSchemaForm';
import { useCreateCheckIn } from '../api/key-results.api';
import { BAND_ICON, BAND_LABEL, CONFIDENCE_BANDS_HINT, confidenceBand } from '../utils/confidence';

// "1,520,000" is how Keyline shows values, so it is accepted back (grouping commas only; "1,5" stays invalid).
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const asNumber = (text: string) => {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  return Number(GROUPED.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed);
};

const today = () => isoDay();

/**
 * The moment a check-in is for: none (now) unless an earlier day is picked;
 * an earlier day is recorded at its noon UTC, so it stays that day in every time zone.
 */
export function checkInMoment(day: string, now = today()): string | undefined {
  return day === '' || day >= now ? undefined : `${day}T12:00:00.000Z`;
}

/** What the check-in form holds: text as typed; `at` is the day picked, '' for now. */
interface CheckInDraft {
  value: string;
  confidence: string;
  note: string;
  at: string;
}

const draftToInput = (draft: CheckInDraft) => {
  const at = checkInMoment(draft.at);
  return { value: asNumber(draft.value), confidence: asNumber(draft.confidence), note: draft.note, ...(at && { at }) };
};

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
  const form = useSchemaForm<CheckInDraft, CreateCheckInInput>({
    defaultValues: {
      value: milestone ? String(kr.currentValue >= 1 ? 1 : 0) : String(kr.currentValue),
      confidence: String(kr.latestConfidence ?? 5),
      note: '',
      at: '',
    },
    schema: CreateCheckInSchema,
    toInput: draftToInput,
  });
  const errors = form.formState.errors;

  const typedValue = asNumber(form.watch('value'));
  const preview = Number.isFinite(typedValue) ? keyResultProgress({ ...kr, currentValue: typedValue }) : null;
  const typedConfidence = asNumber(form.watch('confidence'));
  const band = confidenceBand(
    Number.isInteger(typedConfidence) && typedConfidence >= 0 && typedConfidence <= 10 ? typedConfidence : null,
  );

  const submit = form.handleSubmit(
    (input) => {
      if (post.isPending) return;
      post.mutate(input, {
        onSuccess: (checkIn) => {
          const forDay = input.at ? ` for ${formatDay(checkIn.at)}` : '';
          notify({
            kind: 'success',
            message: `Checked in ${formatMetric(checkIn.value, kr.unit, kr.metricType)}${forDay}`,
          });
          form.setValue('note', '');
          form.setValue('at', '');
        },
        onError: (error) => showServerErrors(form, formRef, error),
      });
    },
    () => focusFirstInvalid(formRef.current),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
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
              <input type="radio" {...form.register('value')} value={v} />
              {label}
            </label>
          ))}
          <div className="meta">Last {formatMetric(kr.currentValue, kr.unit, kr.metricType)}</div>
          {errors.value && (
            <div id="milestone-error" className="error-text">
              {errors.value.message}
            </div>
          )}
        </fieldset>
      ) : (
        <TextField
          label="Value"
          {...form.register('value')}
          inputMode="decimal"
          error={errors.value?.message}
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
        {...form.register('confidence')}
        type="number"
        min={0}
        max={10}
        step={1}
        error={errors.confidence?.message}
        suffix={
          <span className={`confidence-word band-${band}`}>
            <span aria-hidden="true">{BAND_ICON[band]}</span> {band === 'none' ? '—' : BAND_LABEL[band]}
          </span>
        }
        hint={CONFIDENCE_BANDS_HINT}
      />
      <TextAreaField label="What changed? Blockers?" {...form.register('note')} error={errors.note?.message} rows={3} />
      <TextField
        label="For (optional)"
        {...form.register('at')}
        type="date"
        min={cycle?.startsOn}
        max={today()}
        error={errors.at?.message}
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
