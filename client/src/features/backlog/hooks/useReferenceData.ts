import type { Cycle, KeyResult, Objective, Team } from '@keyline/shared';
import { useMemo } from 'react';
import { useCycles } from '../../cycles/api/cycles.api';
import { useAllKeyResults } from '../../key-results/api/key-results.api';
import { useAllObjectives } from '../../objectives/api/objectives.api';
import { useTeams } from '../../teams/api/teams.api';
import { toKrOptions, type KrOption } from '../utils/kr-options';

export interface ReferenceData {
  activeCycle: Cycle | null;
  cycleById: ReadonlyMap<string, Cycle>;
  keyResultById: ReadonlyMap<string, KeyResult>;
  objectiveById: ReadonlyMap<string, Objective>;
  teamById: ReadonlyMap<string, Team>;
  teams: readonly Team[];
  /** KRs of the active cycle, as picker options: the only ones new work is tagged to. */
  activeKrOptions: readonly KrOption[];
  activeObjectives: readonly Objective[];
  /** Ids of KRs that still exist, once known: the "No KR link" filter counts only those. */
  liveKeyResultIds: ReadonlySet<string> | undefined;
}

/** Cycles, key results, objectives and teams: names for chips and choices for filters and the KR picker. */
export function useReferenceData(): ReferenceData {
  const cycles = useCycles({ staleTime: 60_000 });
  const keyResults = useAllKeyResults({ staleTime: 60_000 });
  const objectives = useAllObjectives({ staleTime: 60_000 });
  const teams = useTeams({ staleTime: 60_000 });

  return useMemo(() => {
    const cycleList = cycles.data ?? [];
    const krList = keyResults.data ?? [];
    const objectiveList = objectives.data ?? [];
    const teamList = teams.data ?? [];
    const activeCycle = cycleList.find((c) => c.status === 'active') ?? null;
    const activeObjectives = activeCycle ? objectiveList.filter((o) => o.cycleId === activeCycle.id) : [];
    const activeKrs = activeCycle ? krList.filter((kr) => kr.cycleId === activeCycle.id) : [];
    return {
      activeCycle,
      cycleById: new Map(cycleList.map((c) => [c.id, c])),
      keyResultById: new Map(krList.map((kr) => [kr.id, kr])),
      objectiveById: new Map(objectiveList.map((o) => [o.id, o])),
      teamById: new Map(teamList.map((t) => [t.id, t])),
      teams: teamList,
      activeKrOptions: toKrOptions(activeKrs, activeObjectives),
      activeObjectives,
      liveKeyResultIds: keyResults.data ? new Set(krList.map((kr) => kr.id)) : undefined,
    };
  }, [cycles.data, keyResults.data, objectives.data, teams.data]);
}
