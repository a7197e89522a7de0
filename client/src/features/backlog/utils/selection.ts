/**
 * Row selection as plain data: X toggles one row and sets the anchor;
 * Shift+click or Shift+↑/↓ selects from the anchor to the target on top of
 * what was selected before the anchor was set, so extending back shrinks the
 * range the way file managers do.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
  /** The selection when the anchor was set; ranges are added to it. */
  base: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, base: new Set() };

export function toggleOne(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id, base: ids };
}

/** Selects from the anchor to `toId` in display order (the anchor becomes `fromId` if none is set). */
export function selectRange(selection: Selection, order: readonly string[], toId: string, fromId?: string): Selection {
  const anchor = selection.anchor ?? fromId ?? toId;
  let a = order.indexOf(anchor);
  const b = order.indexOf(toId);
  if (b < 0) return selection;
  if (a < 0) a = b;
  const [start, end] = a <= b ? [a, b] : [b, a];
  const base = selection.anchor ? selection.base : selection.ids;
  const ids = new Set(base);
  for (let i = start; i <= end; i++) ids.add(order[i] as string);
  return { ids, anchor, base };
}

/** Drops ids no longer on screen, e.g. after a delete. */
export function keepOnly(selection: Selection, present: ReadonlySet<string>): Selection {
  const ids = new Set([...selection.ids].filter((id) => present.has(id)));
  if (ids.size === selection.ids.size) return selection;
  return { ids, anchor: selection.anchor && present.has(selection.anchor) ? selection.anchor : null, base: ids };
}

export function selectOnly(ids: Iterable<string>): Selection {
  const set = new Set(ids);
  return { ids: set, anchor: null, base: set };
}
