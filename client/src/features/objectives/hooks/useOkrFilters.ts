import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseOkrFilters, withOkrFilters, type OkrFilters } from '../utils/okr-filters';

/**
 * The OKR filters read from and written to the URL (?team=&owner=&status=),
 * beside ?cycle=. React Router applies navigations in a transition, so the new
 * filters are held locally until the URL catches up: a select shows its new
 * value at once (as the backlog's useBacklogView does).
 */
export function useOkrFilters(): [OkrFilters, (next: OkrFilters) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => parseOkrFilters(params), [params]);
  const [pending, setPending] = useState<{ filters: OkrFilters; params: URLSearchParams } | null>(null);
  const filters = pending && pending.params === params ? pending.filters : fromUrl;
  const setFilters = useCallback(
    (next: OkrFilters) => {
      setPending({ filters: next, params });
      setParams((current) => withOkrFilters(current, next));
    },
    [params, setParams],
  );
  return [filters, setFilters];
}
