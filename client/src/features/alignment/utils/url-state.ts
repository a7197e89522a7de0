/** The alignment view's cycle and team live in the URL, so a link shows the same view. */
export interface AlignmentFilters {
  /** null = the active cycle. */
  cycleId: string | null;
  /** null = all teams. */
  teamId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNull = (value: string | null) => (value && UUID.test(value) ? value : null);

export function parseFilters(params: URLSearchParams): AlignmentFilters {
  return { cycleId: idOrNull(params.get('cycle')), teamId: idOrNull(params.get('team')) };
}

export function filtersToParams(filters: AlignmentFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.cycleId) params.set('cycle', filters.cycleId);
  if (filters.teamId) params.set('team', filters.teamId);
  return params;
}

/** The API's query string for the same filters. */
export function filtersToApiQuery(filters: AlignmentFilters): string {
  const params = new URLSearchParams();
  if (filters.cycleId) params.set('cycleId', filters.cycleId);
  if (filters.teamId) params.set('teamId', filters.teamId);
  return params.toString();
}
