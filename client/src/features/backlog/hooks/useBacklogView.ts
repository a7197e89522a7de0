import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseView, viewToParams, type BacklogView } from '../utils/view';

/** The backlog view (filters, sort, columns) read from and written to the URL query. */
export function useBacklogView(): [BacklogView, (next: (view: BacklogView) => BacklogView, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params), [params]);
  const setView = useCallback(
    (next: (view: BacklogView) => BacklogView, options?: { replace?: boolean }) =>
      setParams((prev) => viewToParams(next(parseView(prev))), { replace: options?.replace }),
    [setParams],
  );
  return [view, setView];
}
