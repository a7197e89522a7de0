// Calibrated confidence in the value score (opt-in, docs/SCORING.md): the
// framework reads the item's stated confidence shrunk toward its team's
// observed hit rate instead of the stated value. Both the lean and the full
// scoring path go through calibratedEstimates, so they agree to the bit.
import { calibrateConfidence } from '../outcomes/calibration';
import type { ScoringContext } from './context';
import { isValidEstimate } from './estimate-fields';
import type { ScoringSettings } from './settings';
import type { ScoringItem } from './types';

export interface ConfidenceCalibration {
  statedConfidence: number;
  calibratedConfidence: number;
  calibrationReason: string;
}

/** Whether the workspace's framework reads confidence at all (WSJF does not). */
function readsConfidence(settings: ScoringSettings): boolean {
  if (settings.framework === 'rice' || settings.framework === 'ice') return true;
  if (settings.framework === 'custom') return settings.customCriteria.some((c) => c.field === 'confidence');
  return false;
}

/**
 * The item with the confidence the framework should read, and the
 * calibration for the breakdown. Null calibration (and the item itself) when
 * calibration is off, the framework ignores confidence, or the stated value
 * is missing or out of range (the item is then unscorable and says so).
 */
export function calibratedEstimates<T extends Pick<ScoringItem, 'confidence' | 'teamId'>>(
  item: T,
  context: Pick<ScoringContext, 'settings' | 'trackRecords'>,
): { item: T; calibration: ConfidenceCalibration | null } {
  const { settings } = context;
  const stated = item.confidence;
  if (
    !settings.calibration.enabled ||
    stated === null ||
    !isValidEstimate('confidence', stated) ||
    !readsConfidence(settings)
  )
    return { item, calibration: null };
  const result = calibrateConfidence(stated, context.trackRecords.get(item.teamId), settings.calibration.priorStrength);
  return {
    item: result.calibrated === stated ? item : { ...item, confidence: result.calibrated },
    calibration: {
      statedConfidence: stated,
      calibratedConfidence: result.calibrated,
      calibrationReason: result.reason,
    },
  };
}
