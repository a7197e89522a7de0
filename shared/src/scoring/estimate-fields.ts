// The numeric estimate fields an item can carry, with the ranges the scoring
// frameworks accept. Out-of-range values make an item "not scorable" (named
// as invalid) instead of producing a misleading number.

export const ESTIMATE_FIELDS = [
  'reach',
  'impact',
  'confidence',
  'effort',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'ease',
] as const;

export type EstimateField = (typeof ESTIMATE_FIELDS)[number];

export interface EstimateFieldRule {
  label: string;
  min: number;
  max: number;
  /** Shown to the PM when the value is out of range. */
  range: string;
}

// Bounds are inclusive. Divisors (effort, job size) start at 0.001 rather
// than "above 0" and every field has a finite ceiling, so every score the
// engine can produce is a finite number.
export const ESTIMATE_FIELD_RULES: Readonly<Record<EstimateField, EstimateFieldRule>> = {
  reach: { label: 'reach', min: 0, max: 1e12, range: '0 or more' },
  impact: { label: 'impact', min: 0.25, max: 3, range: '0.25–3' },
  confidence: { label: 'confidence', min: 0, max: 1, range: '0–1' },
  effort: { label: 'effort', min: 0.001, max: 1e6, range: 'more than 0' },
  businessValue: { label: 'business value', min: 0, max: 1e6, range: '0 or more' },
  timeCriticality: { label: 'time criticality', min: 0, max: 1e6, range: '0 or more' },
  riskReduction: { label: 'risk reduction', min: 0, max: 1e6, range: '0 or more' },
  jobSize: { label: 'job size', min: 0.001, max: 1e6, range: 'more than 0' },
  ease: { label: 'ease', min: 1, max: 10, range: '1–10' },
};

export function isValidEstimate(field: EstimateField, value: number): boolean {
  const rule = ESTIMATE_FIELD_RULES[field];
  return Number.isFinite(value) && value >= rule.min && value <= rule.max;
}
