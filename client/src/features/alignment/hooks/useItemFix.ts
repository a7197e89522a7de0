import type { EstimateFields, ItemStatus, ScoredBacklogItem } from '@keyline/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/Notifier';
import { formatNumber } from '../../../lib/format';
import { alignmentKeys, refreshAllItemViews } from '../../../lib/query-keys';
import { backlogItemsApi, itemScope } from '../../backlog/api/backlog-items.api';
import { roundScore } from '../utils/quadrants';

/** The one-step fixes the flagged list offers; each clears (or tries to clear) a flag. */
export type ItemFix =
  | { kind: 'tag'; keyResultId: string; keyResultTitle: string; strength?: number }
  | { kind: 'estimate'; version: number; patch: Partial<EstimateFields> }
  | { kind: 'drop'; version: number; previousStatus: ItemStatus }
  | { kind: 'move-below'; version: number; otherId: string; otherTitle: string | undefined }
  | { kind: 'bring-to-top'; otherId: string; otherTitle: string | undefined };

interface Target {
  id: string;
  title: string;
}

/** Everything a fix can change: figures, lists, KR work counts, suggestions. */
export function refreshAfterFix(client: QueryClient, itemId: string): Promise<unknown> {
  return Promise.all([
    refreshAllItemViews(client),
    client.invalidateQueries({ queryKey: alignmentKeys.suggestions(itemId) }),
  ]);
}

async function runFix(item: Target, fix: ItemFix): Promise<ScoredBacklogItem> {
  switch (fix.kind) {
    case 'tag':
      return backlogItemsApi.setLink(item.id, fix.keyResultId, fix.strength ?? 2);
    case 'estimate':
      return backlogItemsApi.update(item.id, fix.version, fix.patch);
    case 'drop':
      return backlogItemsApi.update(item.id, fix.version, { status: 'dropped' });
    case 'move-below':
      return backlogItemsApi.move(item.id, fix.version, { afterId: fix.otherId });
    case 'bring-to-top': {
      // The other item's version is read just before the move, so If-Match guards a fresh copy.
      const other = await backlogItemsApi.get(fix.otherId);
      return backlogItemsApi.move(other.id, other.version, { position: 'top' });
    }
  }
}

const quoted = (title: string | undefined, fallback: string) => (title ? `“${title}”` : fallback);

function successMessage(item: Target, fix: ItemFix, updated: ScoredBacklogItem): string {
  switch (fix.kind) {
    case 'tag':
      return `Tagged “${item.title}” to “${fix.keyResultTitle}”.`;
    case 'estimate':
      return updated.valueScore === null
        ? `Saved estimates for “${item.title}”; it still cannot be scored.`
        : `Saved estimates for “${item.title}”. Value score ${formatNumber(roundScore(updated.valueScore))}.`;
    case 'drop':
      return `Dropped “${item.title}”.`;
    case 'move-below':
      return updated.flags.some((f) => f.code === 'RANK_INVERSION')
        ? `Moved “${item.title}” below ${quoted(fix.otherTitle, 'the more valuable item')}; it is still ranked above other more valuable work.`
        : `Moved “${item.title}” below ${quoted(fix.otherTitle, 'the more valuable item')}.`;
    case 'bring-to-top':
      return `Moved ${quoted(fix.otherTitle, 'the more valuable item')} to the top of the backlog.`;
  }
}

/** A fix for one flagged item: announces the outcome and refreshes the view without a reload. */
export function useItemFix(item: Target, options: { onFixed?: () => void } = {}) {
  const client = useQueryClient();
  const notify = useNotify();
  return useMutation({
    // After the item's other writes, like every write to one item (docs/ARCHITECTURE.md).
    scope: itemScope(item.id),
    mutationFn: (fix: ItemFix) => runFix(item, fix),
    onSuccess: async (updated, fix) => {
      const undo =
        fix.kind === 'drop'
          ? {
              label: 'Undo',
              run: () => {
                void backlogItemsApi
                  .update(item.id, updated.version, { status: fix.previousStatus })
                  .then(() => notify({ kind: 'info', message: `Restored “${item.title}”.` }))
                  .catch((error: Error) =>
                    notify({ kind: 'error', message: `Couldn't restore “${item.title}”: ${error.message}` }),
                  )
                  .finally(() => void refreshAfterFix(client, item.id));
              },
            }
          : undefined;
      notify({ kind: 'success', message: successMessage(item, fix, updated), action: undo });
      // Before the refresh: the row may vanish with it, and focus must not vanish too.
      options.onFixed?.();
      await refreshAfterFix(client, item.id);
    },
  });
}
