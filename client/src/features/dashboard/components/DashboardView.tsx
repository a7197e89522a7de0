import { useMemo, type ReactNode } from 'react';
import type { Dashboard } from '@keyline/shared';
import { usePrintStamp } from '../hooks/usePrintStamp';
import { formatUtcStamp } from '../utils/status';
import { AlignmentSection } from './AlignmentSection';
import { AtRiskList } from './AtRiskList';
import { AttentionLists } from './AttentionLists';
import { DashboardHeader } from './DashboardHeader';
import { ObjectiveCards } from './ObjectiveCards';
import { OutcomeSection } from './OutcomeSection';
import { TrendSection } from './TrendSection';
import '../dashboard.css';
import '../dashboard-print.css';

/**
 * The leadership dashboard's body, read-only: the same for a signed-in
 * reader and for a share link (which gets no links into the app).
 */
export function DashboardView({
  dashboard,
  scope,
  teamName = () => null,
  actions,
  linked,
}: {
  dashboard: Dashboard;
  /** "Whole company" or the team's name. */
  scope: string;
  teamName?: (id: string | null) => string | null;
  actions?: ReactNode;
  /** Whether KR titles link to their pages (not on a share link: those need a sign-in). */
  linked: boolean;
}) {
  // One "now" per render of a fetched dashboard, so every chart's Today line agrees.
  const now = useMemo(() => new Date(dashboard.asOf), [dashboard.asOf]);
  const keyResults = useMemo(() => new Map(dashboard.keyResults.map((kr) => [kr.id, kr])), [dashboard.keyResults]);
  const objectiveTitle = useMemo(() => {
    const titles = new Map(dashboard.objectives.map((o) => [o.id, o.title]));
    return (id: string) => titles.get(id) ?? '';
  }, [dashboard.objectives]);
  usePrintStamp(
    dashboard.cycle
      ? `Keyline · ${dashboard.cycle.name} · ${scope} · data as of ${formatUtcStamp(dashboard.asOf)}`
      : 'Keyline',
  );
  if (!dashboard.cycle) {
    return (
      <div className="dashboard">
        <h1>Dashboard</h1>
        <p>
          There is no quarter to show yet. Once your team sets up a quarter, its objectives and progress appear here.
        </p>
      </div>
    );
  }
  return (
    <div className="dashboard">
      <DashboardHeader dashboard={dashboard} scope={scope} actions={actions} />
      <AtRiskList keyResults={dashboard.keyResults} objectiveTitle={objectiveTitle} linked={linked} />
      <section className="dash-section" aria-labelledby="dash-objectives">
        <h2 id="dash-objectives">Objectives</h2>
        <ObjectiveCards objectives={dashboard.objectives} keyResults={keyResults} teamName={teamName} linked={linked} />
      </section>
      <TrendSection dashboard={dashboard} now={now} />
      <AlignmentSection dashboard={dashboard} />
      {dashboard.outcomes && <OutcomeSection headline={dashboard.outcomes} linked={linked} />}
      <AttentionLists dashboard={dashboard} linked={linked} now={now} />
    </div>
  );
}
