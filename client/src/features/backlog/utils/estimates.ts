import { EstimateFieldsSchema, IMPACT_VALUES, type EstimateFields } from '@keyline/shared';
import { formatNumber, MISSING } from '../../../lib/format';

export type EstimateField = keyof EstimateFields;

export interface EstimateColumn {
  field: EstimateField;
  /** Short column header, with the unit where there is one. */
  header: string;
  /** Full name for labels and announcements. */
  label: string;
  group: 'rice' | 'wsjf' | 'ice';
  editor: 'number' | 'percent' | 'impact';
  /** Column width in px: enough for the header, its sort arrow and the figures. */
  width: number;
}

/**
 * RICE is always shown; the WSJF and ICE inputs sit behind the "All
 * estimates" toggle (and in the detail panel) to keep the table readable.
 */
export const ESTIMATE_COLUMNS: readonly EstimateColumn[] = [
  { field: 'reach', header: 'Reach', label: 'Reach', group: 'rice', editor: 'number', width: 68 },
  { field: 'impact', header: 'Impact', label: 'Impact', group: 'rice', editor: 'impact', width: 64 },
  { field: 'confidence', header: 'Conf. (%)', label: 'Confidence', group: 'rice', editor: 'percent', width: 80 },
  { field: 'effort', header: 'Effort (pts)', label: 'Effort', group: 'rice', editor: 'number', width: 92 },
  { field: 'businessValue', header: 'Bus. value', label: 'Business value', group: 'wsjf', editor: 'number', width: 84 },
  {
    field: 'timeCriticality',
    header: 'Time crit.',
    label: 'Time criticality',
    group: 'wsjf',
    editor: 'number',
    width: 84,
  },
  { field: 'riskReduction', header: 'Risk red.', label: 'Risk reduction', group: 'wsjf', editor: 'number', width: 84 },
  { field: 'jobSize', header: 'Job size (pts)', label: 'Job size', group: 'wsjf', editor: 'number', width: 100 },
  { field: 'ease', header: 'Ease (1–10)', label: 'Ease', group: 'ice', editor: 'number', width: 84 },
];

export const IMPACT_LABELS: Record<(typeof IMPACT_VALUES)[number], string> = {
  0.25: 'Minimal',
  0.5: 'Low',
  1: 'Medium',
  2: 'High',
  3: 'Massive',
};

export function columnOf(field: EstimateField): EstimateColumn {
  return ESTIMATE_COLUMNS.find((c) => c.field === field) as EstimateColumn;
}

/** The value as the table shows it: "80%" for confidence, "2 High" for impact, "—" when missing. */
export function formatEstimate(field: EstimateField, value: number | null): string {
  if (value === null) return MISSING;
  if (field === 'confidence') return `${formatNumber(Math.round(value * 1000) / 10)}%`;
  return formatNumber(value);
}

/** What the input shows when editing starts: confidence in percent, empty when missing. */
export function estimateToInput(field: EstimateField, value: number | null): string {
  if (value === null) return '';
  if (field === 'confidence') return String(Math.round(value * 1000) / 10);
  return String(value);
}

export type ParsedEstimate = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Turns what the user typed into the value the API takes, with the shared
 * schema's own messages. Empty clears the estimate (null, never 0).
 * Confidence is typed in percent: "80" or "80%" means 0.8.
 */
export function parseEstimate(field: EstimateField, text: string): ParsedEstimate {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '' || trimmed === '—') return { ok: true, value: null };
  const numeric = field === 'confidence' ? trimmed.replace(/%$/, '').trim() : trimmed;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(numeric)) return { ok: false, message: 'Must be a number' };
  let value = Number(numeric);
  if (field === 'confidence') {
    if (value < 0 || value > 100) return { ok: false, message: 'Between 0 and 100%' };
    value = Math.round(value * 10) / 1000;
  }
  const result = EstimateFieldsSchema.shape[field].safeParse(value);
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? 'Not a valid value' };
  return { ok: true, value: result.data };
}
