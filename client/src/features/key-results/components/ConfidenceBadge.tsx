import './confidence-badge.css';
import { BAND_ICON, BAND_LABEL, confidenceBand, type ConfidenceBand } from '../utils/confidence';

/**
 * Confidence as icon + word (+ "6/10"): never colour alone, so it survives
 * colour-blindness, greyscale print and screen readers.
 */
export function ConfidenceBadge({
  confidence,
  band: given,
  showScore = true,
}: {
  confidence: number | null;
  band?: ConfidenceBand;
  showScore?: boolean;
}) {
  const band = given ?? confidenceBand(confidence);
  return (
    <span className={`confidence-badge band-${band}`}>
      <span aria-hidden="true">{BAND_ICON[band]}</span> {BAND_LABEL[band]}
      {showScore && confidence !== null && band !== 'none' && (
        <span className="confidence-score">
          {' '}
          {confidence}/10<span className="sr-only"> confidence</span>
        </span>
      )}
    </span>
  );
}
