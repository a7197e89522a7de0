import './alignment.css';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../auth/useSession';
import { AlignmentFilterBar } from './components/AlignmentFilterBar';
import { FlaggedList } from './components/FlaggedList';
import { HeadlineCards } from './components/HeadlineCards';
import { KeyResultFlags } from './components/KeyResultFlags';
import { ObjectiveEffortBars } from './components/ObjectiveEffortBars';
import { ValueEffortSection } from './components/ValueEffortSection';
import { useCycles } from '../cycles/api/cycles.api';
import { useAllKeyResults } from '../key-results/api/key-results.api';
import { useTeams } from '../teams/api/teams.api';
import { useAlignmentReport } from './hooks/useAlignmentQueries';
import { filtersToParams, parseFilters, type AlignmentFilters } from './utils/url-state';

/**
 * The alignment view (docs/UI.md, "Alignment"): how much effort serves the quarter's
 * goals, which goals have no work, and every flagged item with its fix.
 */
export function AlignmentPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const canEdit = useCan('editor');
  const report = useAlignmentReport(filters);
  const cycles = useCycles({ staleTime: 60_000 });
  const teams = useTeams({ staleTime: 60_000 });
  const keyResults = useAllKeyResults({ staleTime: 60_000 });

  const activeCycleId = cycles.data?.find((c) => c.status === 'active')?.id ?? null;
  // Tagging only helps with key results of the active cycle: others count for nothing.
  const taggable = useMemo(
    () =>
      (keyResults.data ?? [])
        .filter((kr) => kr.cycleId === activeCycleId)
        .map((kr) => ({ id: kr.id, title: kr.title })),
    [keyResults.data, activeCycleId],
  );
  const titles = useMemo(() => new Map((keyResults.data ?? []).map((kr) => [kr.id, kr.title])), [keyResults.data]);
  const setFilters = (next: AlignmentFilters) => setParams(filtersToParams(next));

  return (
    <div className="alignment-page">
      <header className="alignment-header">
        <div>
          <h1>Alignment</h1>
          {report.data && (
            <p className="meta">
              {report.data.cycle ? report.data.cycle.name : 'No active cycle'} · scores as of{' '}
              {formatDateTime(report.data.asOf)} · <Link to="/scoring">How scores work</Link>
            </p>
          )}
        </div>
        <AlignmentFilterBar
          filters={filters}
          cycles={cycles.data ?? []}
          teams={teams.data ?? []}
          onChange={setFilters}
        />
      </header>

      {report.isPending && <p role="status">Loading the alignment figures…</p>}
      {report.isError && (
        <div role="alert" className="panel">
          <p>Couldn't load the alignment figures: {report.error.message}</p>
          <button type="button" className="button" onClick={() => void report.refetch()}>
            Try again
          </button>
        </div>
      )}
      {report.data && (
        <div aria-busy={report.isFetching || undefined}>
          {!report.data.cycle && (
            <p className="panel">
              No cycle is active, so no item can serve a current key result.{' '}
              <Link to="/okrs">Start or activate this quarter's cycle</Link>.
            </p>
          )}
          <HeadlineCards report={report.data} />
          <ValueEffortSection report={report.data} />
          <div className="alignment-columns">
            <ObjectiveEffortBars report={report.data} />
            <KeyResultFlags report={report.data} />
          </div>
          <FlaggedList
            report={report.data}
            teamId={filters.teamId}
            canEdit={canEdit}
            keyResults={taggable}
            keyResultTitles={titles}
          />
        </div>
      )}
    </div>
  );
}
