import { METRIC_TYPES, type KeyResult, type MetricType } from '@keyline/shared';
import { numberOrUndefined } from '../../../lib/form-validation';
import { formatMetric } from '../../../lib/format';

/** What the KR form holds: text as typed, so a half-typed "1." is not reformatted under the cursor. */
export interface KeyResultDraft {
  title: string;
  metricType: MetricType;
  startValue: string;
  targetValue: string;
  currentValue: string;
  unit: string;
  weight: string;
  /** '' for nobody. */
  ownerId: string;
}

export const METRIC_LABEL: Record<MetricType, string> = {
  number: 'Number',
  percent: 'Percent',
  currency: 'Currency',
  milestone: 'Milestone (0 → 1)',
};
export const METRIC_OPTIONS = METRIC_TYPES.map((m) => ({ value: m, label: METRIC_LABEL[m] }));

export function emptyDraft(): KeyResultDraft {
  return {
    title: '',
    metricType: 'number',
    startValue: '',
    targetValue: '',
    currentValue: '',
    unit: '',
    weight: '1',
    ownerId: '',
  };
}

export function draftFrom(kr: KeyResult): KeyResultDraft {
  return {
    title: kr.title,
    metricType: kr.metricType,
    startValue: String(kr.startValue),
    targetValue: String(kr.targetValue),
    currentValue: String(kr.currentValue),
    unit: kr.unit,
    weight: String(kr.weight),
    ownerId: kr.ownerId ?? '',
  };
}

/**
 * The draft as schema input. Creating, a blank start or weight takes the
 * schema default and a blank current starts at the start value; editing,
 * every field is required, so a blank reads as "not a number".
 */
export function draftToInput(draft: KeyResultDraft, mode: 'create' | 'edit') {
  const required = (text: string) => (mode === 'edit' && text.trim() === '' ? Number.NaN : numberOrUndefined(text));
  return {
    title: draft.title,
    metricType: draft.metricType,
    startValue: required(draft.startValue),
    targetValue: mode === 'edit' ? required(draft.targetValue) : numberOrUndefined(draft.targetValue),
    currentValue: required(draft.currentValue),
    unit: draft.unit,
    weight: required(draft.weight),
    ownerId: draft.ownerId || null,
  };
}

const LABELS: Partial<Record<keyof KeyResult, string>> = {
  title: 'title',
  metricType: 'metric',
  startValue: 'start',
  targetValue: 'target',
  currentValue: 'current',
  unit: 'unit',
  weight: 'weight',
};

/** "Theirs: target 20 tickets · yours: target 30 tickets", for the fields this edit touched. */
export function describeKeyResultConflict(theirs: Partial<KeyResult>, mine: Partial<KeyResult>): string {
  const keys = Object.keys(mine) as (keyof KeyResult)[];
  const show = (kr: Partial<KeyResult>, key: keyof KeyResult) => {
    const value = kr[key];
    if (typeof value === 'number' && key !== 'weight')
      return formatMetric(value, String(kr.unit ?? theirs.unit ?? ''), kr.metricType ?? theirs.metricType);
    return String(value ?? '—');
  };
  const part = (kr: Partial<KeyResult>) =>
    keys.map((k) => `${LABELS[k] ?? k} ${show({ ...theirs, ...kr }, k)}`).join(', ');
  return `Theirs: ${part(theirs)} · yours: ${part(mine)}.`;
}
