import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanRow } from '@keyline/shared';
import { useNotify } from '../../components/Notifier';
import { useCan } from '../auth/useSession';
import { useCycles } from '../cycles/api/cycles.api';
import { useTeams } from '../teams/api/teams.api';
import { defaultCycleId } from '../cycles/utils/cycle-status';
import { usePlan, useApplyPlan } from './api/planner.api';
import { ApplyPlanDialog } from './components/ApplyPlanDialog';
import { PlanColumn } from './components/PlanColumn';
import { PlannerControls } from './components/PlannerControls';
import { useDebouncedValue } from './hooks/useDebouncedValue';
import {
  compareSentence,
  DEFAULT_CAPACITY,
  NO_OVERRIDES,
  parseCapacity,
  toggleExclude,
  toggleInclude,
  type Overrides,
} from './utils/planner-state';
import './planner.css';

type Which = 'byValue' | 'byRank';
const TITLES: Record<Which, string> = { byValue: 'By value score', byRank: 'By current rank' };

/**
 * The what-if planner (/planner?cycle=&team=&capacity=): fill a capacity from
 * the top of the backlog by value and by today's rank, side by side. Only
 * "Apply as rank order" writes anything.
 */
export function PlannerPage() {
  const isEditor = useCan('editor');
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const cycles = useCycles();
  const teams = useTeams({ staleTime: 60_000 });
  const cycleId = cycles.data ? defaultCycleId(cycles.data, params.get('cycle')) : null;
  const teamId = params.get('team');
  const [capacityText, setCapacityText] = useState(params.get('capacity') ?? String(DEFAULT_CAPACITY));
  const [overrides, setOverrides] = useState<Overrides>(NO_OVERRIDES);
  // Excluded items leave both plans, so remember their titles to list them.
  const [titles, setTitles] = useState<Map<string, string>>(() => new Map());
  const [applying, setApplying] = useState<Which | null>(null);
  const apply = useApplyPlan();

  const capacity = parseCapacity(capacityText);
  const [lastGood, setLastGood] = useState(capacity.ok ? capacity.capacity : DEFAULT_CAPACITY);
  if (capacity.ok && capacity.capacity !== lastGood) setLastGood(capacity.capacity);
  // Memoised so the debounce sees a new value only when an input really changed.
  const inputs = useMemo(() => ({ capacity: lastGood, overrides }), [lastGood, overrides]);
  const settled = useDebouncedValue(inputs, 250);
  const plan = usePlan(
    cycles.data ? { cycleId, teamId, capacity: settled.capacity, overrides: settled.overrides } : null,
  );

  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const onCapacity = (text: string) => {
    setCapacityText(text);
    const parsed = parseCapacity(text);
    if (parsed.ok) setParam('capacity', String(parsed.capacity));
  };
  const remember = (row: PlanRow) => setTitles((m) => new Map(m).set(row.id, row.title));
  const onInclude = (row: PlanRow) => {
    remember(row);
    setOverrides((o) => toggleInclude(o, row.id));
  };
  const onExclude = (row: PlanRow) => {
    remember(row);
    setOverrides((o) => toggleExclude(o, row.id));
  };
  const sentence = useMemo(() => (plan.data ? compareSentence(plan.data) : ''), [plan.data]);

  const confirmApply = () => {
    const chosen = applying && plan.data?.[applying];
    if (!chosen) return;
    apply.mutate(
      chosen.items.map((r) => r.id),
      {
        onSuccess: (result) => {
          notify({
            kind: 'success',
            message: `Applied: ${result.items.length} items now lead the backlog in this order`,
          });
          setApplying(null);
          setOverrides(NO_OVERRIDES);
        },
      },
    );
  };

  const error = cycles.error ?? plan.error;
  return (
    <section className="planner-page" aria-labelledby="planner-title">
      <h1 id="planner-title">What-if planner</h1>
      <p className="planner-intro">
        Fill a quarter's capacity from the top of the backlog, by value score and by today's rank, and compare what each
        plan serves. Nothing is saved unless you apply a plan as the rank order.
      </p>
      <PlannerControls
        capacityText={capacityText}
        capacityError={capacity.ok ? null : capacity.message}
        onCapacity={onCapacity}
        cycles={cycles.data ?? []}
        cycleId={cycleId}
        onCycle={(id) => setParam('cycle', id)}
        teams={teams.data ?? []}
        teamId={teamId}
        onTeam={(id) => setParam('team', id)}
      />
      {overrides.exclude.length > 0 && (
        <div className="planner-excluded">
          <span>Left out of both plans:</span>
          <ul>
            {overrides.exclude.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  className="button small"
                  onClick={() => setOverrides((o) => toggleExclude(o, id))}
                  aria-label={`Put back ${titles.get(id) ?? 'item'}`}
                >
                  {titles.get(id) ?? 'Item'} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error ? (
        <div role="alert">
          <p>Couldn't work out the plans: {error.message}</p>
          <button type="button" className="button" onClick={() => void plan.refetch()}>
            Try again
          </button>
        </div>
      ) : !plan.data ? (
        <p className="page-loading" role="status">
          Working out the plans…
        </p>
      ) : !plan.data.cycle ? (
        <p>There is no quarter to plan for yet. Create one on the OKRs screen first.</p>
      ) : (
        <>
          <p className="planner-compare" aria-live="polite" data-testid="plan-compare">
            {sentence}
          </p>
          <div className={`planner-columns${plan.isFetching ? ' is-refreshing' : ''}`} aria-busy={plan.isFetching}>
            {(['byValue', 'byRank'] as const).map((which) => (
              <PlanColumn
                key={which}
                plan={plan.data[which]}
                title={TITLES[which]}
                description={
                  which === 'byValue'
                    ? 'Highest value score first; items without a score last.'
                    : 'The backlog as it is ranked today.'
                }
                onInclude={onInclude}
                onExclude={onExclude}
                onApply={isEditor ? () => setApplying(which) : undefined}
              />
            ))}
          </div>
          {plan.data.needsEstimateTotal > 0 && (
            <section className="planner-estimates" aria-labelledby="needs-estimate">
              <h2 id="needs-estimate">Needs an estimate first ({plan.data.needsEstimateTotal})</h2>
              <p className="meta">
                Items without an effort estimate are never planned.{' '}
                <Link to="/backlog">Estimate them in the backlog</Link>.
              </p>
              <ul className="plan-uncovered">
                {plan.data.needsEstimate.slice(0, 10).map((row) => (
                  <li key={row.id}>{row.title}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {applying && plan.data && (
        <ApplyPlanDialog
          plan={plan.data[applying]}
          title={TITLES[applying]}
          pending={apply.isPending}
          error={apply.error?.message ?? null}
          onConfirm={confirmApply}
          onClose={() => {
            apply.reset();
            setApplying(null);
          }}
        />
      )}
    </section>
  );
}
