import { DEFAULT_SCORING_SETTINGS, intrinsicScore, type EstimateField, type ScoreBreakdown } from '@keyline/shared';
import { describe, expect, it } from 'vitest';
import { fieldsToFix, moreValuableItemId, parseEstimateInput, withItemTitle } from './flag-fixes';

const estimates: Record<EstimateField, number | null> = {
  reach: null,
  impact: 2,
  confidence: 7,
  effort: null,
  businessValue: null,
  timeCriticality: null,
  riskReduction: null,
  jobSize: null,
  ease: null,
};

describe('fieldsToFix', () => {
  it('asks for the missing estimates first, then the out-of-range ones', () => {
    const intrinsic = intrinsicScore(estimates, DEFAULT_SCORING_SETTINGS);
    expect(fieldsToFix({ intrinsic } as ScoreBreakdown)).toEqual(['reach', 'effort', 'confidence']);
  });

  it('falls back to effort when the breakdown says nothing', () => {
    expect(fieldsToFix(null)).toEqual(['effort']);
  });
});

describe('parseEstimateInput', () => {
  it('reads confidence as a percent and other fields as typed, separators allowed', () => {
    expect(parseEstimateInput('confidence', '80%')).toEqual({ ok: true, value: 0.8 });
    expect(parseEstimateInput('reach', '4,000')).toEqual({ ok: true, value: 4000 });
  });

  it('refuses empty, non-numeric and out-of-range input with a reason', () => {
    expect(parseEstimateInput('effort', ' ')).toEqual({ ok: false, message: 'Enter the effort.' });
    expect(parseEstimateInput('effort', 'soon')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(parseEstimateInput('effort', '0')).toEqual({ ok: false, message: 'Must be greater than 0' });
    expect(parseEstimateInput('confidence', '120')).toEqual({ ok: false, message: 'Between 0 and 100%.' });
    expect(parseEstimateInput('impact', '1.5')).toMatchObject({ ok: false });
  });
});

describe('the rank inversion message', () => {
  const id = '29764939-4ad2-4237-8e56-fab8cce592a5';
  const message = `Ranked 36 places above item ${id}, whose value score (17209) is 5.78× this one's (2978). Move it down.`;

  it('names the more valuable item by its title instead of its id', () => {
    expect(moreValuableItemId(message)).toBe(id);
    expect(withItemTitle(message, id, 'Automate runbook')).toBe(
      "Ranked 36 places above “Automate runbook”, whose value score (17209) is 5.78× this one's (2978). Move it down.",
    );
    expect(withItemTitle(message, id, undefined)).toContain('above a more valuable item, whose');
    expect(moreValuableItemId('Not linked to any key result.')).toBeNull();
  });
});
