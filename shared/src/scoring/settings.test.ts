import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SETTINGS, ScoringSettingsSchema } from './settings';

const issuesOf = (input: unknown) => {
  const result = ScoringSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('ScoringSettingsSchema', () => {
  it('accepts the defaults, which use RICE', () => {
    expect(ScoringSettingsSchema.parse(DEFAULT_SCORING_SETTINGS)).toEqual(DEFAULT_SCORING_SETTINGS);
    expect(DEFAULT_SCORING_SETTINGS.framework).toBe('rice');
  });

  it('defaults calibration (off, prior strength 10) for settings stored before it existed', () => {
    const { calibration: _omitted, ...stored } = DEFAULT_SCORING_SETTINGS;
    expect(ScoringSettingsSchema.parse(stored).calibration).toEqual({ enabled: false, priorStrength: 10 });
    expect(issuesOf({ ...DEFAULT_SCORING_SETTINGS, calibration: { enabled: true, priorStrength: 1001 } })).toEqual([
      'calibration.priorStrength',
    ]);
  });

  it('freezes the defaults so no caller can change them for everyone', () => {
    expect(Object.isFrozen(DEFAULT_SCORING_SETTINGS.combination)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCORING_SETTINGS.customCriteria)).toBe(true);
  });

  it('rejects unknown keys at every level', () => {
    expect(issuesOf({ ...DEFAULT_SCORING_SETTINGS, extra: 1 })).toEqual(['']);
    expect(
      issuesOf({ ...DEFAULT_SCORING_SETTINGS, alignment: { ...DEFAULT_SCORING_SETTINGS.alignment, typo: 1 } }),
    ).toEqual(['alignment']);
  });

  it('enforces bounds that keep the guarantees', () => {
    const withCombination = (combination: object) => ({
      ...DEFAULT_SCORING_SETTINGS,
      combination: { ...DEFAULT_SCORING_SETTINGS.combination, ...combination },
    });
    // unalignedMultiplier must stay below 1 so unaligned items rank below aligned peers.
    expect(issuesOf(withCombination({ unalignedMultiplier: 1 }))).toEqual(['combination.unalignedMultiplier']);
    expect(issuesOf(withCombination({ unalignedMultiplier: 0 }))).toEqual(['combination.unalignedMultiplier']);
    expect(issuesOf(withCombination({ alignmentWeight: -1 }))).toEqual(['combination.alignmentWeight']);
    expect(issuesOf(withCombination({ alignmentWeight: Number.POSITIVE_INFINITY }))).toEqual([
      'combination.alignmentWeight',
    ]);
    expect(
      issuesOf({
        ...DEFAULT_SCORING_SETTINGS,
        itemFlags: { ...DEFAULT_SCORING_SETTINGS.itemFlags, rankInversionMinPositions: 2.5 },
      }),
    ).toEqual(['itemFlags.rankInversionMinPositions']);
  });

  it('requires a weighted criterion for the custom framework, without duplicates', () => {
    expect(issuesOf({ ...DEFAULT_SCORING_SETTINGS, framework: 'custom' })).toEqual(['customCriteria']);
    expect(
      issuesOf({ ...DEFAULT_SCORING_SETTINGS, framework: 'custom', customCriteria: [{ field: 'reach', weight: 0 }] }),
    ).toEqual(['customCriteria']);
    const duplicate = [
      { field: 'reach', weight: 1 },
      { field: 'reach', weight: 2 },
    ];
    expect(issuesOf({ ...DEFAULT_SCORING_SETTINGS, framework: 'custom', customCriteria: duplicate })).toEqual([
      'customCriteria.1.field',
    ]);
    expect(
      issuesOf({ ...DEFAULT_SCORING_SETTINGS, framework: 'custom', customCriteria: [{ field: 'title', weight: 1 }] }),
    ).toEqual(['customCriteria.0.field']);
    expect(issuesOf({ ...DEFAULT_SCORING_SETTINGS, customCriteria: [{ field: 'ease', weight: -1 }] })).toEqual([
      'customCriteria.0.weight',
    ]);
  });
});
