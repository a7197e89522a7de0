import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../auth/useSession';
import { useCycleKeyResults } from '../key-results/api/key-results.api';
import { expectedProgress } from '../key-results/utils/pace';
import { useCycles } from '../cycles/api/cycles.api';
import { useTeams } from '../teams/api/teams.api';
import { useObjectives } from './api/objectives.api';
import { CycleBar } from '../cycles/components/CycleBar';
import { ObjectiveItem } from './components/ObjectiveItem';
import { OkrFilterBar } from './components/OkrFilterBar';
import { OkrDialogs, type OkrDialog } from './components/OkrDialogs';
import { useCycleParam } from '../cycles/hooks/useCycleParam';
import { useOkrFilters } from './hooks/useOkrFilters';
import { useOwnerOptions } from '../users/hooks/useOwnerOptions';
import { defaultCycleId } from '../cycles/utils/cycle-status';
import { countVisible, filterObjectiveTree, hasOkrFilters, NO_FILTERS } from './utils/okr-filters';
import { buildObjectiveTree } from './utils/tree';
import './okrs.css';

/** Screen 1: the OKRs of a quarter as an alignment tree, editable in place by editors. */
export function OkrsPage() {
  const isEditor = useCan('editor');
  const [requestedCycle, selectCycle] = useCycleParam();
  const cycles = useCycles();
  const cycleId = cycles.data ? defaultCycleId(cycles.data, requestedCycle) : null;
  const cycle = cycles.data?.find((c) => c.id === cycleId) ?? null;
  const objectives = useObjectives(cycleId);
  const keyResults = useCycleKeyResults(cycleId);
  const teams = useTeams({ staleTime: 60_000 });
  const [dialog, setDialog] = useState<OkrDialog | null>(null);
  const [filters, setFilters] = useOkrFilters();
  const owners = useOwnerOptions(objectives.data ?? [], keyResults.data ?? []);
  const teamFilterRef = useRef<HTMLSelectElement>(null);

  const tree = useMemo(
    () => buildObjectiveTree(objectives.data ?? [], keyResults.data ?? []),
    [objectives.data, keyResults.data],
  );
  // The pace the cycle expects now: the status rule weighs it, as the dashboard does.
  const expected = useMemo(() => (cycle ? expectedProgress(cycle, new Date()) : null), [cycle]);
  const visible = useMemo(() => filterObjectiveTree(tree, filters, expected), [tree, filters, expected]);
  const filtered = hasOkrFilters(filters);
  // The clear button goes away with the filters: focus moves to the first filter, not to the page body.
  const clearFilters = () => {
    setFilters(NO_FILTERS);
    teamFilterRef.current?.focus();
  };
  const teamName = useMemo(() => {
    const names = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
    return (id: string | null) => (id ? (names.get(id) ?? null) : null);
  }, [teams.data]);

  // A closed quarter is frozen on the server; hide what would only be refused.
  const canEdit = isEditor && cycle?.status !== 'closed';
  const pace = cycle ? expectedProgress(cycle, new Date()) : 0;
  const error = cycles.error ?? objectives.error ?? keyResults.error;
  const dialogs = (
    <OkrDialogs
      dialog={dialog}
      cycle={cycle}
      objectives={objectives.data ?? []}
      teams={teams.data ?? []}
      onClose={() => setDialog(null)}
      onCycleCreated={(created) => selectCycle(created.id)}
    />
  );

  if (error) {
    return (
      <section className="okrs-page">
        <h1>OKRs</h1>
        <p role="alert">Couldn't load the OKRs: {error.message}</p>
        <button
          type="button"
          className="button"
          onClick={() => void Promise.all([cycles.refetch(), objectives.refetch(), keyResults.refetch()])}
        >
          Try again
        </button>
      </section>
    );
  }
  if (cycles.isPending) {
    return (
      <p className="page-loading" role="status">
        Loading objectives…
      </p>
    );
  }
  if (!cycle) {
    return (
      <section className="okrs-page">
        <h1>OKRs</h1>
        <div className="okr-empty">
          {isEditor ? (
            <>
              <p>No quarters yet. Create the first quarter, then add its company objectives and key results.</p>
              <button type="button" className="button primary" onClick={() => setDialog({ kind: 'new-cycle' })}>
                New quarter
              </button>
            </>
          ) : (
            <p>No quarters have been set up yet. Your editors will publish this quarter's OKRs here.</p>
          )}
        </div>
        {dialogs}
      </section>
    );
  }

  const objectiveCount = objectives.data?.length ?? 0;
  const krCount = keyResults.data?.length ?? 0;
  const showPace = cycle.status === 'active' ? pace : null;
  const shown = countVisible(visible);
  return (
    <section className="okrs-page" aria-labelledby="okrs-title">
      <div className="okrs-header">
        <h1 id="okrs-title">OKRs · {cycle.name}</h1>
        {canEdit && (
          <button
            type="button"
            className="button primary"
            onClick={() => setDialog({ kind: 'new-objective', parentId: null })}
          >
            + Objective
          </button>
        )}
        {/* Quarter's end: grading is open on active and closed quarters, closing on the active one. */}
        {isEditor && cycle.status !== 'planning' && (
          <div className="row-actions">
            <Link to={`/cycles/${cycle.id}/grades`} className="button">
              Grades
            </Link>
            {cycle.status === 'active' && (
              <Link to={`/cycles/${cycle.id}/close`} className="button">
                Close quarter…
              </Link>
            )}
          </div>
        )}
      </div>
      <CycleBar
        cycles={cycles.data ?? []}
        cycle={cycle}
        pace={pace}
        canEdit={isEditor}
        onSelect={selectCycle}
        onAction={setDialog}
      />
      {cycle.status === 'closed' && (
        <p className="okr-note">{cycle.name} is closed: its objectives and key results are read-only.</p>
      )}
      {objectives.isPending || keyResults.isPending ? (
        // Only the tree waits when switching quarters; the switcher stays where the user's focus is.
        <p className="page-loading" role="status">
          Loading objectives…
        </p>
      ) : objectiveCount === 0 ? (
        <div className="okr-empty">
          {canEdit ? (
            <>
              <p>
                No objectives in {cycle.name} yet — add the first. Start with one company objective and 2–4 key results.
              </p>
              <button
                type="button"
                className="button primary"
                onClick={() => setDialog({ kind: 'new-objective', parentId: null })}
              >
                Add the first objective
              </button>
            </>
          ) : (
            <p>{cycle.name} objectives aren't published yet. Check back once your team has set them.</p>
          )}
        </div>
      ) : (
        <>
          <OkrFilterBar
            filters={filters}
            onChange={setFilters}
            onClear={clearFilters}
            teams={teams.data ?? []}
            owners={owners}
            teamRef={teamFilterRef}
          />
          {/* One live region, always present, so a screen reader hears the count change with each filter. */}
          <p className="meta okr-summary" role="status">
            {filtered
              ? `Showing ${shown.objectives} of ${objectiveCount} objectives · ${shown.keyResults} of ${krCount} key results`
              : `${objectiveCount === 1 ? '1 objective' : `${objectiveCount} objectives`} · ${krCount === 1 ? '1 key result' : `${krCount} key results`}`}
            {showPace !== null && visible.length > 0 && ' · the tick on each bar is where pace expects it today'}
          </p>
          {visible.length === 0 && (
            <div className="okr-empty">
              <p>No objectives or key results match these filters.</p>
              <button type="button" className="button" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          )}
          <ul
            className="objective-list okr-tree"
            aria-label={`Objectives of ${cycle.name}`}
            hidden={visible.length === 0}
          >
            {visible.map((node) => (
              <ObjectiveItem
                key={node.objective.id}
                node={node}
                teamName={teamName}
                pace={showPace}
                expected={expected}
                canEdit={canEdit}
                onAction={setDialog}
              />
            ))}
          </ul>
        </>
      )}
      {dialogs}
    </section>
  );
}
