import { useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../auth/useSession';
import { useCycles } from '../cycles/api/cycles.api';
import { useTeams } from '../teams/api/teams.api';
import { Dialog } from '../../components/Dialog';
import { defaultCycleId, STATUS_LABEL } from '../cycles/utils/cycle-status';
import { ShareLinksPanel } from '../share-links/components/ShareLinksPanel';
import { useDashboard } from './api/dashboard.api';
import { DashboardView } from './components/DashboardView';

/** Screen 1.5: the leadership dashboard of a quarter, for the company or one team (?cycle=&team=). */
export function DashboardPage() {
  const isEditor = useCan('editor');
  const [params, setParams] = useSearchParams();
  const cycles = useCycles();
  const teams = useTeams({ staleTime: 60_000 });
  const cycleId = cycles.data ? defaultCycleId(cycles.data, params.get('cycle')) : null;
  const teamId = params.get('team');
  // Wait for the quarter list, so the page asks once for the quarter it shows (no cycles → the server's empty answer).
  const dashboard = useDashboard(cycleId, teamId, cycles.isSuccess);
  const [sharing, setSharing] = useState(false);
  const cycleSelect = useId();
  const teamSelect = useId();

  const teamName = useMemo(() => {
    const names = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
    return (id: string | null) => (id ? (names.get(id) ?? null) : null);
  }, [teams.data]);
  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const filters = (
    <div className="dash-filters">
      <div className="field">
        <label htmlFor={cycleSelect}>Quarter</label>
        <select
          id={cycleSelect}
          value={cycleId ?? ''}
          onChange={(e) => setParam('cycle', e.target.value)}
          disabled={!cycles.data?.length}
        >
          {(cycles.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({STATUS_LABEL[c.status].toLowerCase()})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={teamSelect}>Team</label>
        <select id={teamSelect} value={teamId ?? ''} onChange={(e) => setParam('team', e.target.value)}>
          <option value="">Whole company</option>
          {(teams.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );

  const error = cycles.error ?? dashboard.error;
  if (error) {
    return (
      <section>
        <h1>Dashboard</h1>
        <p role="alert">Couldn't load the dashboard: {error.message}</p>
        <button
          type="button"
          className="button"
          onClick={() => void Promise.all([cycles.refetch(), dashboard.refetch()])}
        >
          Try again
        </button>
      </section>
    );
  }
  if (!dashboard.data) {
    return (
      <p className="page-loading" role="status">
        Loading the dashboard…
      </p>
    );
  }

  const actions = (
    <>
      <button type="button" className="button" onClick={() => window.print()}>
        Print
      </button>
      {isEditor && (
        <button type="button" className="button" onClick={() => setSharing(true)} aria-haspopup="dialog">
          Share
        </button>
      )}
    </>
  );
  return (
    <section aria-busy={dashboard.isFetching} aria-label="Dashboard">
      {filters}
      <DashboardView
        dashboard={dashboard.data}
        scope={teamId ? (teamName(teamId) ?? 'One team') : 'Whole company'}
        teamName={teamName}
        actions={actions}
        linked
      />
      {sharing && (
        <Dialog title="Share the dashboard" onClose={() => setSharing(false)} wide>
          <ShareLinksPanel teamId={teamId} onDone={() => setSharing(false)} />
        </Dialog>
      )}
    </section>
  );
}
