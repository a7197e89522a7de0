import { useQueryClient } from '@tanstack/react-query';
import type { MoveBacklogItemInput, UpdateBacklogItemInput, BacklogRow } from '@keyline/shared';
import { useCallback, useMemo, useRef } from 'react';
import { useNotify } from '../../../components/Notifier';
import {
  createItemMutation,
  moveItemMutation,
  removeItemMutation,
  removeLinkMutation,
  runMutation,
  setLinkMutation,
  updateItemMutation,
} from '../api/backlog-items.api';
import type { BacklogListData } from '../api/types';
import { appendItemToPages, bumpTotal, itemMatchesView } from '../utils/cached-pages';
import { describeBatch, runBatch, type BatchResult } from '../utils/batch';
import {
  dropIfFilteredOut,
  findCachedItem,
  forgetCachedItem,
  storeServerItem,
  type CurrentList,
} from '../api/item-cache';
import type { RowIssues } from './useRowIssues';
import { isVersionConflict } from '../../../lib/errors';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : 'Something went wrong');

/**
 * Every write the backlog makes, each a TanStack Query mutation in the
 * item's scope (../api/backlog-items.api.ts): applied to the cache at once
 * (optimistic), undone if the server says no, run one after another per
 * item. A 412 marks the row with a conflict the user resolves; other
 * failures mark it "Not saved" with Retry.
 */
export function useItemActions(current: CurrentList, issues: RowIssues, announce: (text: string) => void) {
  const qc = useQueryClient();
  const notify = useNotify();
  // Handlers read the latest list through a ref so they stay stable for memoised rows.
  const currentRef = useRef(current);
  currentRef.current = current;

  const saveFields = useCallback(
    async (id: string, patch: UpdateBacklogItemInput, what: string): Promise<boolean> => {
      const before = findCachedItem(qc, id);
      if (!before) return false;
      issues.clear(id);
      try {
        const saved = await runMutation(qc, updateItemMutation(qc, id), { patch, version: before.version });
        dropIfFilteredOut(qc, saved, currentRef.current);
        announce(`Saved ${what} for "${before.title}"`);
        return true;
      } catch (error) {
        if (isVersionConflict(error)) {
          issues.set(id, { kind: 'conflict', error, patch, what, title: before.title });
        } else {
          issues.set(id, { kind: 'failed', what, message: messageOf(error) });
          notify({
            kind: 'error',
            message: `Couldn't save ${what} for "${before.title}". ${messageOf(error)}`,
            action: { label: 'Retry', run: () => void saveFields(id, patch, what) },
          });
        }
        return false;
      }
    },
    [qc, issues, notify, announce],
  );

  /** 412, "Keep theirs": show the server's row and drop the edit. */
  const keepTheirs = useCallback(
    (id: string, theirs: Record<string, unknown>) => {
      storeServerItem(qc, theirs as BacklogRow);
      dropIfFilteredOut(qc, theirs as BacklogRow, currentRef.current);
      issues.clear(id);
    },
    [qc, issues],
  );

  /** 412, "Use mine": apply the same edit on top of their version. */
  const applyMine = useCallback(
    (id: string, theirs: Record<string, unknown>, patch: UpdateBacklogItemInput, what: string) => {
      storeServerItem(qc, theirs as BacklogRow);
      return saveFields(id, patch, what);
    },
    [qc, saveFields],
  );

  const move = useCallback(
    async (item: BacklogRow, move: MoveBacklogItemInput, toIndex: number | null, describe: string) => {
      const { queryKey } = currentRef.current;
      try {
        const saved = await runMutation(qc, moveItemMutation(qc, item.id), {
          move,
          version: item.version,
          list: toIndex === null ? null : { queryKey, toIndex },
        });
        dropIfFilteredOut(qc, saved, currentRef.current);
        announce(`Moved "${item.title}" ${describe}`);
      } catch (error) {
        if (isVersionConflict(error) && error.body?.current) storeServerItem(qc, error.body.current as BacklogRow);
        notify({
          kind: 'error',
          message: isVersionConflict(error)
            ? `Couldn't move "${item.title}": someone else changed it just now. Its latest version is shown; try again.`
            : `Couldn't move "${item.title}". ${messageOf(error)}`,
        });
      }
    },
    [qc, notify, announce],
  );

  const setLink = useCallback(
    async (itemId: string, keyResultId: string, strength: number) => {
      const updated = await runMutation(qc, setLinkMutation(qc, itemId), { keyResultId, strength });
      dropIfFilteredOut(qc, updated, currentRef.current);
      return updated;
    },
    [qc],
  );

  /**
   * Tags items to a KR, reporting "Tagged 48 of 50, 2 failed" with an Undo
   * that restores each item's link as it was.
   */
  const tagItems = useCallback(
    async (
      ids: readonly string[],
      keyResultId: string,
      strength: number,
      krTitle: string,
    ): Promise<BatchResult<string>> => {
      const before = new Map(
        ids.map((id) => [
          id,
          findCachedItem(qc, id)?.links.find((l) => l.keyResultId === keyResultId)?.strength ?? null,
        ]),
      );
      const result = await runBatch(ids, (id) => setLink(id, keyResultId, strength));
      const single = ids.length === 1 ? findCachedItem(qc, ids[0] as string) : undefined;
      const message =
        single && result.failed.length === 0
          ? `Tagged "${single.title}" to ${krTitle}`
          : `${describeBatch('Tagged', result)} to ${krTitle}${result.failed.length ? `: ${messageOf(result.failed[0]?.error)}` : ''}`;
      const undo = async () => {
        await runBatch(result.succeeded, async (id) => {
          const old = before.get(id) ?? null;
          if (old !== null) return setLink(id, keyResultId, old);
          await runMutation(qc, removeLinkMutation(qc, id), { keyResultId });
        });
        announce('Tagging undone');
      };
      notify({
        kind: result.failed.length ? 'error' : 'success',
        message,
        ...(result.succeeded.length > 0 && { action: { label: 'Undo', run: () => void undo() } }),
      });
      return result;
    },
    [qc, notify, setLink, announce],
  );

  const removeLink = useCallback(
    async (item: BacklogRow, keyResultId: string, krTitle: string) => {
      try {
        await runMutation(qc, removeLinkMutation(qc, item.id), { keyResultId });
        announce(`Removed the link to ${krTitle}`);
      } catch (error) {
        notify({ kind: 'error', message: `Couldn't remove the link to ${krTitle}. ${messageOf(error)}` });
      }
    },
    [qc, notify, announce],
  );

  /** New items land at the bottom of the rank order: shown there when the list is at its end. */
  const create = useCallback(
    async (title: string): Promise<BacklogRow> => {
      const created = await runMutation(qc, createItemMutation(qc), { title });
      const { queryKey, view, liveKeyResultIds } = currentRef.current;
      if (itemMatchesView(created, view, liveKeyResultIds) && !view.q.trim()) {
        qc.setQueryData<BacklogListData>(queryKey, (data) => {
          const atEnd = data && data.pages[data.pages.length - 1]?.nextCursor === null;
          return atEnd && view.sort === 'rank' && view.order === 'asc'
            ? appendItemToPages(data, created)
            : bumpTotal(data, 1);
        });
      }
      return created;
    },
    [qc],
  );

  const remove = useCallback(
    async (item: BacklogRow) => {
      try {
        await runMutation(qc, removeItemMutation(qc, item.id), { version: item.version });
      } catch (error) {
        // Show their version, so "Delete anyway" goes against it.
        if (isVersionConflict(error) && error.body?.current) storeServerItem(qc, error.body.current as BacklogRow);
        throw error;
      }
      forgetCachedItem(qc, item.id);
      issues.clear(item.id);
      notify({ kind: 'success', message: `Deleted "${item.title}"` });
    },
    [qc, issues, notify],
  );

  return useMemo(
    () => ({ saveFields, keepTheirs, applyMine, move, setLink, tagItems, removeLink, create, remove }),
    [saveFields, keepTheirs, applyMine, move, setLink, tagItems, removeLink, create, remove],
  );
}

export type ItemActions = ReturnType<typeof useItemActions>;
