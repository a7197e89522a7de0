// How outcomes are measured: one zod schema for the server (validate), the
// client (form) and the engine (types). See docs/OUTCOMES.md.
import { z } from 'zod';

export const OutcomeSettingsSchema = z.strictObject({
  /** Days after an item is done over which its KR's movement is measured. */
  windowDays: z.number().int('Whole days').min(7, 'At least 7 days').max(182, 'At most 182 days'),
  /**
   * Check-in noise, as a share of the KR's range (target − start): the KR must
   * gain more than this over the window, beyond what its earlier pace would
   * have given it, to count as moved.
   */
  noiseThreshold: z.number().min(0, 'At least 0').max(1, 'At most 1 (the whole range)'),
});
export type OutcomeSettings = z.infer<typeof OutcomeSettingsSchema>;

export const DEFAULT_OUTCOME_SETTINGS: OutcomeSettings = Object.freeze({ windowDays: 28, noiseThreshold: 0.05 });
