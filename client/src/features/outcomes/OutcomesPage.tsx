import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ITEM_OUTCOME_STATES, type ItemOutcomeState } from '@keyline/shared';
import { formatPercent } from '../../lib/format';
import { useCycles } from '../cycles/api/cycles.api';
import { useTeams } from '../teams/api/teams.api';
import { outcomesCsvHref, useOutcomes } from './api/outcomes.api';
import { CalibrationFigure } from './components/CalibrationFigure';
import { OutcomeFigures } from './components/OutcomeFigures';
import { ShippedItems, STATE_FILTERS } from './components/ShippedItems';
import { TeamAndQuarterTables } from './components/TeamTable';
import { DEFAULT_DIRECTION, itemRows, SORT_KEYS, sortRows, type SortKey } from './utils/outcome-table';
import './outcomes.css';

const isState = (v: string | null): v is ItemOutcomeState =>
  (ITEM_OUTCOME_STATES as readonly string[]).includes(v ?? '');
const isSortKey = (v: string | null): v is SortKey => (SORT_KEYS as readonly string[]).includes(v ?? '');

/**
 * Did shipped work move the key results it was meant to move? Per team and
 * quarter: hit rate, movement per effort point and calibration; the items
 * that shipped, by default those that moved nothing, with their KRs' owners.
 * Filters, sort and state live in the URL (?cycle=&team=&state=&sort=&dir=).
 */
export function OutcomesPage() {
  const [params, setParams] = useSearchParams();
  const cycleId = params.get('cycle');
  const teamId = params.get('team');
  const stateParam = params.get('state');
  const state: ItemOutcomeState | null = stateParam === 'all' ? null : isState(stateParam) ? stateParam : 'not-moved';
  const sortParam = params.get('sort');
  const sort: SortKey = isSortKey(sortParam) ? sortParam : 'doneAt';
  const direction =
    params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : DEFAULT_DIRECTION[sort];
  const cycles = useCycles();
  const teams = useTeams({ staleTime: 60_000 });
  const report = useOutcomes({ cycleId, teamId, state });
  const ids = { cycle: useId(), team: useId(), state: useId() };

  const teamName = useMemo(() => {
    const names = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
    return (id: string | null) => (id === null ? 'No team' : (names.get(id) ?? 'Unknown team'));
  }, [teams.data]);
  const rows = useMemo(
    () => (report.data ? sortRows(itemRows(report.data.items, teamName), sort, direction) : []),
    [report.data, teamName, sort, direction],
  );

  const setParam = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const onSort = (key: SortKey) =>
    setParam({
      sort: key,
      dir: key === sort ? (direction === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[key],
    });

  const data = report.data;
  const windowText = data
    ? `each item against the ${data.settings.windowDays} days after it was done; a KR moved when it gained more than ${formatPercent(data.settings.noiseThreshold)} of its range beyond the pace it already had`
    : '';
  return (
    <section className="outcomes-page" aria-labelledby="outcomes-title" aria-busy={report.isFetching}>
      <header className="outcomes-header">
        <div>
          <h1 id="outcomes-title">Outcomes</h1>
          <p className="outcomes-lead">Did the work we shipped move the key results it was meant to move?</p>
        </div>
        <a className="button" href={outcomesCsvHref({ cycleId, teamId, state })} download>
          Export CSV
        </a>
      </header>
      <div className="outcomes-filters" role="group" aria-label="Filters">
        <div className="field">
          <label htmlFor={ids.cycle}>Quarter</label>
          <select id={ids.cycle} value={cycleId ?? ''} onChange={(e) => setParam({ cycle: e.target.value })}>
            <option value="">Every quarter</option>
            {(cycles.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.team}>Team</label>
          <select id={ids.team} value={teamId ?? ''} onChange={(e) => setParam({ team: e.target.value })}>
            <option value="">Every team</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {report.isError && !data ? (
        <div role="alert">
          <p>Couldn't load the outcomes: {report.error.message}</p>
          <button type="button" className="button" onClick={() => void report.refetch()}>
            Try again
          </button>
        </div>
      ) : !data ? (
        <p className="page-loading" role="status">
          Loading outcomes…
        </p>
      ) : (
        <>
          <p className="outcomes-note">
            <strong>{data.note}</strong> Measured: {windowText}.
          </p>
          <OutcomeFigures report={data} />
          <TeamAndQuarterTables report={data} teamName={teamName} />
          <CalibrationFigure calibration={data.summary.calibration} />
          <section className="panel" aria-labelledby="oc-items">
            <div className="panel-head">
              <h2 id="oc-items">Shipped items</h2>
              <div className="field inline">
                <label htmlFor={ids.state}>Show</label>
                <select
                  id={ids.state}
                  value={state ?? ''}
                  onChange={(e) => setParam({ state: e.target.value === 'not-moved' ? null : e.target.value || 'all' })}
                >
                  {STATE_FILTERS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="meta">
              Predicted: the item's impact × confidence. Beyond pace: the share of its KR's range gained beyond the pace
              it already had, split with items shipped in the same window. Items have no owner of their own: the owners
              of their key results answer for the outcome.
            </p>
            <ShippedItems
              rows={rows}
              total={data.itemCount}
              sort={sort}
              direction={direction}
              onSort={onSort}
              emptyText={
                state === 'not-moved'
                  ? 'No shipped item in this selection moved nothing.'
                  : 'No shipped item matches these filters.'
              }
            />
          </section>
        </>
      )}
    </section>
  );
}
