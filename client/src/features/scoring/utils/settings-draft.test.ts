import { DEFAULT_SCORING_SETTINGS } from '@keyline/shared';
import { describe, expect, it } from 'vitest';
import { fromDraft, sameSettings, toDraft } from './settings-draft';

describe('the scoring settings draft', () => {
  it('round-trips the settings through the text of the form', () => {
    const result = fromDraft(toDraft(DEFAULT_SCORING_SETTINGS));
    expect(result.ok && sameSettings(result.settings, DEFAULT_SCORING_SETTINGS)).toBe(true);
  });

  it('reads a decimal comma and spaces, and refuses empty or non-numeric boxes by field', () => {
    const draft = toDraft(DEFAULT_SCORING_SETTINGS);
    draft.numbers['combination.unalignedMultiplier'] = ' 0,25 ';
    const ok = fromDraft(draft);
    expect(ok.ok && ok.settings.combination.unalignedMultiplier).toBe(0.25);

    draft.numbers['krFlags.atRiskConfidence'] = '';
    draft.numbers['alignment.behindPaceBoost'] = 'lots';
    const bad = fromDraft(draft);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors['krFlags.atRiskConfidence']).toBe('Enter a number.');
      expect(bad.errors['alignment.behindPaceBoost']).toBe('Enter a number.');
    }
  });

  it('passes on the shared schema’s rules: ranges, duplicate criteria, a custom framework with no weight', () => {
    const draft = toDraft(DEFAULT_SCORING_SETTINGS);
    draft.numbers['combination.unalignedMultiplier'] = '1';
    draft.framework = 'custom';
    draft.customCriteria = [
      { field: 'reach', weight: '0' },
      { field: 'reach', weight: '0' },
    ];
    const result = fromDraft(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual([
        'combination.unalignedMultiplier',
        'customCriteria',
        'customCriteria.1.field',
      ]);
      expect(result.errors['customCriteria']).toMatch(/at least one criterion with a weight above 0/);
    }
  });
});
