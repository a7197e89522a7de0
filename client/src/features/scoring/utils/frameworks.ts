import type { ScoringFramework, ScoringSettings } from '@keyline/shared';
import { ESTIMATE_FIELD_RULES } from '@keyline/shared';

export const FRAMEWORK_LABELS: Record<ScoringFramework, string> = {
  rice: 'RICE',
  wsjf: 'WSJF',
  ice: 'ICE',
  custom: 'a custom score',
};

export const FRAMEWORK_OPTIONS: readonly { value: ScoringFramework; label: string; formula: string }[] = [
  { value: 'rice', label: 'RICE', formula: 'reach × impact × confidence ÷ effort' },
  { value: 'wsjf', label: 'WSJF', formula: '(business value + time criticality + risk reduction) ÷ job size' },
  { value: 'ice', label: 'ICE', formula: 'impact × confidence × ease' },
  { value: 'custom', label: 'Custom', formula: 'a weighted sum of the estimates you choose' },
];

/** "Value = 0.4 reach + 0.3 impact" style formula for the intrinsic part (docs/UI.md, "Settings"). */
export function intrinsicFormula(settings: Pick<ScoringSettings, 'framework' | 'customCriteria'>): string {
  if (settings.framework !== 'custom')
    return FRAMEWORK_OPTIONS.find((o) => o.value === settings.framework)?.formula ?? '';
  if (settings.customCriteria.length === 0) return 'no criteria yet';
  return settings.customCriteria.map((c) => `${c.weight} × ${ESTIMATE_FIELD_RULES[c.field].label}`).join(' + ');
}
