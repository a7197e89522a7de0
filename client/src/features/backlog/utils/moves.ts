import type { MoveBacklogItemInput } from '@keyline/shared';

export interface PlannedMove {
  move: MoveBacklogItemInput;
  /** Where the item lands in the list on screen. */
  toIndex: number;
}

/**
 * Alt+↑ puts the item just before its upper neighbour, Alt+↓ just after its
 * lower one. Null at either end of the list.
 */
export function neighbourMove(ids: readonly string[], index: number, direction: 'up' | 'down'): PlannedMove | null {
  if (direction === 'up') {
    const neighbour = ids[index - 1];
    return neighbour === undefined ? null : { move: { beforeId: neighbour }, toIndex: index - 1 };
  }
  const neighbour = ids[index + 1];
  return neighbour === undefined ? null : { move: { afterId: neighbour }, toIndex: index + 1 };
}

/** A drag that ends over another row: dragged down lands after it, dragged up lands before it. */
export function dragMove(ids: readonly string[], activeId: string, overId: string): PlannedMove | null {
  const from = ids.indexOf(activeId);
  const to = ids.indexOf(overId);
  if (from < 0 || to < 0 || from === to) return null;
  return from < to ? { move: { afterId: overId }, toIndex: to } : { move: { beforeId: overId }, toIndex: to };
}
