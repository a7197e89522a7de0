import type { ScoringSettings } from '@keyline/shared';
import { formatNumber } from '../../../lib/format';
import { isScoreBreakdown } from '../../alignment/utils/breakdown-sentences';
import { roundScore } from '../../alignment/utils/quadrants';
import { PREVIEW_SAMPLE } from '../api/scoring-settings.api';
import { usePreviewSample, useTrackRecords } from '../hooks/useScoringSettings';
import { previewTop, type PreviewItem } from '../utils/preview';

const score = (value: number | null) => (value === null ? 'Not scorable' : formatNumber(roundScore(value)));
const percent = (value: number) => `${Math.round(value * 100)}%`;

/** How today's top items would score, and move, under the settings being edited. */
export function ScorePreview({ settings, changed }: { settings: ScoringSettings | null; changed: boolean }) {
  const sample = usePreviewSample();
  const records = useTrackRecords(settings?.calibration.enabled ?? false);
  const items = (sample.data ?? []).filter((i): i is typeof i & PreviewItem => isScoreBreakdown(i.breakdown));
  const preview = settings && items.length > 0 ? previewTop(items, settings, 5, records.data) : null;
  return (
    <section aria-labelledby="preview-heading" className="settings-preview" aria-live="polite">
      <h2 id="preview-heading">Preview</h2>
      {sample.isPending && <p role="status">Loading the top of the backlog…</p>}
      {sample.isError && <p role="alert">Couldn't load the backlog for the preview: {sample.error.message}</p>}
      {sample.isSuccess && items.length === 0 && <p>The backlog has no scored items yet.</p>}
      {!settings && items.length > 0 && <p>Fix the highlighted settings to see the preview.</p>}
      {preview && (
        <>
          <table className="preview-table">
            <caption>Today’s top 5 by value, now and with these settings</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Now
                </th>
                <th scope="col" className="num">
                  New
                </th>
                <th scope="col" className="num">
                  Rank
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.current.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {row.title}
                    {row.confidenceBefore !== null &&
                      row.confidenceAfter !== null &&
                      row.confidenceAfter !== row.confidenceBefore && (
                        <span className="meta preview-confidence">
                          {' '}
                          confidence {percent(row.confidenceBefore)} → {percent(row.confidenceAfter)}
                        </span>
                      )}
                  </th>
                  <td className="num">{score(row.before)}</td>
                  <td className="num">{score(row.after)}</td>
                  <td
                    className="num"
                    aria-label={`Rank ${row.positionBefore}, then ${row.positionAfter ?? 'not scorable'}`}
                  >
                    {row.positionBefore} → {row.positionAfter ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {changed ? (
            <>
              <h3>New top 5</h3>
              <ol className="preview-next" data-testid="preview-next">
                {preview.next.map((row) => (
                  <li key={row.id}>
                    {row.title}{' '}
                    <span className="meta">
                      ({score(row.after)}, now #{row.positionBefore})
                    </span>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p>Change a setting to see how these scores and ranks would move.</p>
          )}
          {settings?.calibration.enabled && records.isPending && <p role="status">Loading the teams’ track records…</p>}
          <p className="meta">
            Positions among today’s {formatNumber(Math.min(PREVIEW_SAMPLE, items.length))} most valuable items. Saving
            re-scores the whole backlog.
          </p>
        </>
      )}
    </section>
  );
}
