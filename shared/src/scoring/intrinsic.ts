// Intrinsic score: what an item is worth by the workspace's framework alone,
// before any OKR alignment. Missing or out-of-range inputs make it "not
// scorable" with the fields named — never a silent 0, Infinity or NaN.
import { ESTIMATE_FIELD_RULES, isValidEstimate, type EstimateField } from './estimate-fields';
import type { ScoringSettings } from './settings';
import type { IntrinsicBreakdown, IntrinsicTerm, ScoringItem } from './types';

type Estimates = Pick<ScoringItem, EstimateField>;

interface FrameworkSpec {
  fields: readonly EstimateField[];
  formula: string;
  /** An object literal per framework is much cheaper than adding keys in a loop. */
  inputsOf: (v: Estimates) => Partial<Record<EstimateField, number | null>>;
  /** Called only once every field is present and valid (the ?? 0 never applies). */
  compute: (v: Estimates) => number;
}

const RICE: FrameworkSpec = {
  fields: ['reach', 'impact', 'confidence', 'effort'],
  formula: 'reach × impact × confidence ÷ effort',
  inputsOf: (v) => ({ reach: v.reach, impact: v.impact, confidence: v.confidence, effort: v.effort }),
  compute: (v) => ((v.reach ?? 0) * (v.impact ?? 0) * (v.confidence ?? 0)) / (v.effort ?? 1),
};

const WSJF: FrameworkSpec = {
  fields: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
  formula: '(businessValue + timeCriticality + riskReduction) ÷ jobSize',
  inputsOf: (v) => ({
    businessValue: v.businessValue,
    timeCriticality: v.timeCriticality,
    riskReduction: v.riskReduction,
    jobSize: v.jobSize,
  }),
  compute: (v) => ((v.businessValue ?? 0) + (v.timeCriticality ?? 0) + (v.riskReduction ?? 0)) / (v.jobSize ?? 1),
};

// Confidence stays the 0–1 fraction it is everywhere else (a discount, as in
// RICE) instead of being rescaled to 1–10, so ICE runs 0–30 (3 × 1 × 10).
// Rescaling by a constant would not change any ranking, only the display.
const ICE: FrameworkSpec = {
  fields: ['impact', 'confidence', 'ease'],
  formula: 'impact × confidence × ease',
  inputsOf: (v) => ({ impact: v.impact, confidence: v.confidence, ease: v.ease }),
  compute: (v) => (v.impact ?? 0) * (v.confidence ?? 0) * (v.ease ?? 0),
};

// The custom spec depends on the settings object; cache it so scoring
// 100,000 items builds the formula string once, not per item.
const customSpecs = new WeakMap<ScoringSettings['customCriteria'], FrameworkSpec>();

function customSpec(criteria: ScoringSettings['customCriteria']): FrameworkSpec {
  const cached = customSpecs.get(criteria);
  if (cached) return cached;
  const spec: FrameworkSpec = {
    fields: criteria.map((c) => c.field),
    formula: criteria.length === 0 ? '0' : criteria.map((c) => `${c.weight} × ${c.field}`).join(' + '),
    inputsOf: (v) => Object.fromEntries(criteria.map((c) => [c.field, v[c.field]])),
    compute: (v) => criteria.reduce((sum, c) => sum + c.weight * (v[c.field] ?? 0), 0),
  };
  customSpecs.set(criteria, spec);
  return spec;
}

function frameworkSpec(settings: ScoringSettings): FrameworkSpec {
  switch (settings.framework) {
    case 'rice':
      return RICE;
    case 'wsjf':
      return WSJF;
    case 'ice':
      return ICE;
    case 'custom':
      return customSpec(settings.customCriteria);
  }
}

// Shared by every scorable item so scoring 100,000 items allocates less.
const NONE: readonly EstimateField[] = Object.freeze([]);

/**
 * The intrinsic value alone, without the breakdown: what re-scoring a whole
 * backlog needs. The same spec and arithmetic as intrinsicScore, so the two
 * always agree to the bit.
 */
export function intrinsicValue(item: Estimates, settings: ScoringSettings): number | null {
  const spec = frameworkSpec(settings);
  if (spec.fields.length === 0) return null;
  for (const field of spec.fields) {
    const value = item[field];
    if (value === null || !isValidEstimate(field, value)) return null;
  }
  return spec.compute(item);
}

export function intrinsicScore(item: Estimates, settings: ScoringSettings): IntrinsicBreakdown {
  const spec = frameworkSpec(settings);
  let missing = NONE;
  let invalid = NONE;
  for (const field of spec.fields) {
    const value = item[field];
    if (value === null) missing = [...missing, field];
    else if (!isValidEstimate(field, value)) invalid = [...invalid, field];
  }
  const scorable = missing.length === 0 && invalid.length === 0 && spec.fields.length > 0;
  const terms: IntrinsicTerm[] | null =
    settings.framework === 'custom'
      ? settings.customCriteria.map((c) => {
          const value = item[c.field];
          const usable = value !== null && isValidEstimate(c.field, value);
          return { field: c.field, weight: c.weight, value, contribution: usable ? c.weight * value : null };
        })
      : null;
  return {
    framework: settings.framework,
    formula: spec.formula,
    inputs: spec.inputsOf(item),
    terms,
    value: scorable ? spec.compute(item) : null,
    missing,
    invalid,
  };
}

/** 'missing reach, impact; effort 0 is out of range (more than 0)' */
export function describeUnscorable(intrinsic: IntrinsicBreakdown): string {
  const parts: string[] = [];
  if (intrinsic.missing.length > 0) {
    parts.push(`missing ${intrinsic.missing.map((f) => ESTIMATE_FIELD_RULES[f].label).join(', ')}`);
  }
  for (const field of intrinsic.invalid) {
    const rule = ESTIMATE_FIELD_RULES[field];
    parts.push(`${rule.label} ${String(intrinsic.inputs[field])} is out of range (${rule.range})`);
  }
  if (parts.length === 0) parts.push('no criteria are configured');
  return parts.join('; ');
}
