import type { UpdateBacklogItemInput } from '@keyline/shared';
import { useCallback, useMemo, useState } from 'react';

/** Why a row is marked "Not saved": someone else's edit won (412), or the save failed. */
export type RowIssue =
  | { kind: 'conflict'; error: unknown; patch: UpdateBacklogItemInput; what: string; title: string }
  | { kind: 'failed'; what: string; message: string };

export interface RowIssues {
  issues: Readonly<Record<string, RowIssue>>;
  set(id: string, issue: RowIssue): void;
  clear(id: string): void;
}

export function useRowIssues(): RowIssues {
  const [issues, setIssues] = useState<Record<string, RowIssue>>({});
  const set = useCallback((id: string, issue: RowIssue) => setIssues((all) => ({ ...all, [id]: issue })), []);
  const clear = useCallback(
    (id: string) =>
      setIssues((all) => {
        if (!(id in all)) return all;
        const rest = { ...all };
        delete rest[id];
        return rest;
      }),
    [],
  );
  return useMemo(() => ({ issues, set, clear }), [issues, set, clear]);
}
