import type { AlignmentReport } from '@keyline/shared';
import { formatNumber } from '../../../lib/format';
import { FLAG_GROUPS } from '../utils/flag-fixes';
import { FlagGroup } from './FlagGroup';
import type { KeyResultOption } from './TagSuggestions';

/** Open items grouped by flag, most actionable group first, each with its fix inline. */
export function FlaggedList({
  report,
  teamId,
  canEdit,
  keyResults,
  keyResultTitles,
}: {
  report: AlignmentReport;
  teamId: string | null;
  canEdit: boolean;
  keyResults: readonly KeyResultOption[];
  keyResultTitles: ReadonlyMap<string, string>;
}) {
  // Every group stays listed, empty ones too: a group that vanishes when its
  // last item is fixed would take the keyboard focus with it.
  const firstWithItems = FLAG_GROUPS.find((g) => (report.flagCounts[g.code] ?? 0) > 0)?.code;
  return (
    <section id="flagged" aria-labelledby="flagged-heading" className="panel" tabIndex={-1}>
      <h2 id="flagged-heading">Flagged items</h2>
      {report.flaggedItems === 0 ? (
        <p>No open item is flagged. Every item serves a key result and can be ranked.</p>
      ) : (
        <p className="meta">
          {formatNumber(report.flaggedItems)} of {formatNumber(report.openItems)} open items carry a flag; an item can
          sit in several groups. Most valuable first.
          {!canEdit && ' Editors can fix them from here.'}
        </p>
      )}
      {report.cycle && report.cycle.status !== 'active' && (
        <p className="meta">
          Flags always judge items against the active cycle, whichever cycle the figures above are for.
        </p>
      )}
      {FLAG_GROUPS.map((spec) => (
        <FlagGroup
          key={spec.code}
          spec={spec}
          count={report.flagCounts[spec.code] ?? 0}
          teamId={teamId}
          canEdit={canEdit}
          initiallyOpen={spec.code === firstWithItems}
          keyResults={keyResults}
          keyResultTitles={keyResultTitles}
        />
      ))}
    </section>
  );
}
