import { OutcomeSettingsSchema, type OutcomeSettings } from '@keyline/shared';

/** The form's text: the window in days, the noise threshold in percent of the KR's range. */
export interface OutcomeSettingsDraft {
  windowDays: string;
  noisePercent: string;
}

export function draftOf(settings: OutcomeSettings): OutcomeSettingsDraft {
  return {
    windowDays: String(settings.windowDays),
    // Rounded to hide float noise (0.07 × 100 = 7.000000000000001).
    noisePercent: String(Math.round(settings.noiseThreshold * 100 * 1e6) / 1e6),
  };
}

export type DraftResult =
  { ok: true; settings: OutcomeSettings } | { ok: false; errors: Partial<Record<keyof OutcomeSettingsDraft, string>> };

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** Checks the draft with the server's own schema, with messages in the form's units (percent, not a share). */
export function parseDraft(draft: OutcomeSettingsDraft): DraftResult {
  const errors: Partial<Record<keyof OutcomeSettingsDraft, string>> = {};
  const windowDays = numberOf(draft.windowDays);
  const noisePercent = numberOf(draft.noisePercent);
  if (Number.isNaN(windowDays)) errors.windowDays = 'Type a number of days';
  if (Number.isNaN(noisePercent)) errors.noisePercent = 'Type a percentage of the range, 0 to 100';
  else if (noisePercent < 0 || noisePercent > 100) errors.noisePercent = 'Between 0% and 100% of the range';
  const parsed = OutcomeSettingsSchema.safeParse({ windowDays, noiseThreshold: noisePercent / 100 });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'windowDays' && !errors.windowDays) errors.windowDays = issue.message;
      if (issue.path[0] === 'noiseThreshold' && !errors.noisePercent) errors.noisePercent = issue.message;
    }
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, settings: parsed.data };
  return { ok: false, errors };
}
