import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseView, viewToParams, type BacklogView } from '../utils/view';

/**
 * The backlog view (filters, sort, columns) read from and written to the URL
 * query. React Router applies navigations in a transition, so the new view is
 * also held locally until the URL catches up: a checkbox shows its new state
 * on the click, not a frame later.
 */
export function useBacklogView(): [
  BacklogView,
  (next: (view: BacklogView) => BacklogView, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => parseView(params), [params]);
  const [pending, setPending] = useState<{ view: BacklogView; params: URLSearchParams } | null>(null);
  // Pending until the URL changes; then the URL is the truth again.
  const view = pending && pending.params === params ? pending.view : fromUrl;
  const latest = useRef(view);
  latest.current = view;
  const setView = useCallback(
    (next: (view: BacklogView) => BacklogView, options?: { replace?: boolean }) => {
      const nextView = next(latest.current);
      latest.current = nextView;
      setPending({ view: nextView, params });
      setParams(viewToParams(nextView), { replace: options?.replace });
    },
    [params, setParams],
  );
  return [view, setView];
}
