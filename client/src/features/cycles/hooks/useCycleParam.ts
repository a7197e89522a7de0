import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The quarter shown lives in the URL (?cycle=<id>) so a reload or a shared link opens the same one. */
export function useCycleParam(): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const select = useCallback(
    (id: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('cycle', id);
        return next;
      }),
    [setParams],
  );
  return [params.get('cycle'), select];
}
