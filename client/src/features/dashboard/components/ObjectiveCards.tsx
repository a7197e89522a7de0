import type { DashboardKeyResult, DashboardObjective } from '@keyline/shared';
import { formatDay, formatPercent, MISSING } from '../../../lib/format';
import { ConfidenceBadge } from '../../key-results/components/ConfidenceBadge';
import { ProgressBar } from '../../../components/ProgressBar';
import { GradeBadge } from '../../cycles/components/GradeBadge';
import { STATUS_BAND } from '../../key-results/utils/confidence';
import { KeyResultName } from './KeyResultName';

/**
 * Objectives worst first: weighted progress against pace, the status (icon +
 * word, with the lowest confidence), the grade once graded, the owner's
 * latest note, and its KRs at risk first.
 */
export function ObjectiveCards({
  objectives,
  keyResults,
  teamName,
  linked,
}: {
  objectives: DashboardObjective[];
  keyResults: Map<string, DashboardKeyResult>;
  teamName: (id: string | null) => string | null;
  linked: boolean;
}) {
  const titles = new Map(objectives.map((o) => [o.id, o.title]));
  if (objectives.length === 0) return <p>No objectives in this quarter yet.</p>;
  return (
    <ul className="dash-objectives">
      {objectives.map((o) => {
        const krs = o.keyResultIds
          .map((id) => keyResults.get(id))
          .filter((kr): kr is DashboardKeyResult => kr !== undefined);
        const team = teamName(o.teamId);
        const parent = o.parentId ? titles.get(o.parentId) : undefined;
        const noData = o.status === 'no-check-in';
        return (
          <li key={o.id} className="dash-card dash-objective" data-testid="dash-objective">
            <div className="dash-objective-head">
              <h3 className="dash-objective-title">{o.title}</h3>
              <ConfidenceBadge confidence={o.worstConfidence} band={STATUS_BAND[o.status]} />
              {o.grade !== null && o.gradeBand !== null && <GradeBadge grade={o.grade} band={o.gradeBand} />}
            </div>
            {(team || parent) && (
              <p className="meta dash-objective-where">
                {team && <span className="badge">{team}</span>} {parent && <>Ladders up to {parent}</>}
              </p>
            )}
            <ProgressBar
              value={noData ? null : o.progress}
              pace={o.expectedProgress}
              label={`Progress of ${o.title}`}
            />
            {o.latestNote ? (
              <blockquote className="dash-note">
                “{o.latestNote.text}” <span className="meta">— {formatDay(o.latestNote.at)}</span>
              </blockquote>
            ) : (
              <p className="meta dash-note-missing">No update written yet.</p>
            )}
            <ul className="dash-kr-list" aria-label={`Key results of ${o.title}`}>
              {krs.map((kr) => (
                <li key={kr.id} className="dash-kr">
                  <span className="dash-kr-title">
                    <KeyResultName id={kr.id} title={kr.title} linked={linked} />
                  </span>
                  {/* The badge beside it already says "No check-in"; the figure is the "—" of missing data (docs/UI.md, "Visual system"). */}
                  {kr.lastCheckInAt === null ? (
                    <span className="num dash-kr-progress">
                      <span aria-hidden="true">{MISSING}</span>
                      <span className="sr-only">No data</span>
                    </span>
                  ) : (
                    <span className="num dash-kr-progress">{formatPercent(kr.progress)}</span>
                  )}
                  <ConfidenceBadge confidence={kr.confidence} band={STATUS_BAND[kr.status]} showScore={false} />
                  {kr.grade !== null && kr.gradeBand !== null && <GradeBadge grade={kr.grade} band={kr.gradeBand} />}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
