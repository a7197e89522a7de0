import { describe, expect, it } from 'vitest';
import { draftOf, parseDraft } from './outcome-settings-draft';

describe('outcome settings draft', () => {
  it('shows the threshold in percent and reads it back as a share of the range', () => {
    expect(draftOf({ windowDays: 28, noiseThreshold: 0.07 })).toEqual({ windowDays: '28', noisePercent: '7' });
    expect(parseDraft({ windowDays: '14', noisePercent: '2,5' })).toEqual({
      ok: true,
      settings: { windowDays: 14, noiseThreshold: 0.025 },
    });
  });

  it('refuses what the server would refuse, with the message beside the field', () => {
    expect(parseDraft({ windowDays: '3', noisePercent: '5' })).toEqual({
      ok: false,
      errors: { windowDays: 'At least 7 days' },
    });
    expect(parseDraft({ windowDays: '10.5', noisePercent: '' })).toEqual({
      ok: false,
      errors: { windowDays: 'Whole days', noisePercent: 'Type a percentage of the range, 0 to 100' },
    });
    expect(parseDraft({ windowDays: '', noisePercent: '120' })).toEqual({
      ok: false,
      errors: { windowDays: 'Type a number of days', noisePercent: 'Between 0% and 100% of the range' },
    });
  });
});
