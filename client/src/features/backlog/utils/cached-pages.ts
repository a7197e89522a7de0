import type { BacklogRow } from '@keyline/shared';
import type { BacklogListData, BacklogPage } from '../api/types';
import type { BacklogView } from './view';

/**
 * Pure helpers that edit the cached pages of the backlog list in place of a
 * refetch: an edit touches one page, so 100,000 rows never reload because one
 * estimate changed. Pages that do not contain the item keep their identity.
 */

export function flattenPages(data: BacklogListData | undefined): BacklogRow[] {
  if (!data) return [];
  return data.pages.length === 1 ? (data.pages[0]?.items ?? []) : data.pages.flatMap((p) => p.items);
}

export function findInPages(data: BacklogListData | undefined, id: string): BacklogRow | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

export function patchItemInPages(
  data: BacklogListData | undefined,
  id: string,
  update: (item: BacklogRow) => BacklogRow,
): BacklogListData | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.items.findIndex((item) => item.id === id);
    if (index < 0) return page;
    changed = true;
    const items = page.items.slice();
    items[index] = update(items[index] as BacklogRow);
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** The same for one page on its own (a query that asked for one page: the KR page's linked items). */
export function patchItemInPage(
  page: BacklogPage | undefined,
  id: string,
  update: (item: BacklogRow) => BacklogRow,
): BacklogPage | undefined {
  const index = page?.items.findIndex((item) => item.id === id) ?? -1;
  if (!page || index < 0) return page;
  const items = page.items.slice();
  items[index] = update(items[index] as BacklogRow);
  return { ...page, items };
}

export function removeItemFromPage(page: BacklogPage | undefined, id: string): BacklogPage | undefined {
  if (!page || !page.items.some((item) => item.id === id)) return page;
  return withTotal({ ...page, items: page.items.filter((item) => item.id !== id) }, -1);
}

function withTotal(page: BacklogPage, delta: number): BacklogPage {
  return { ...page, total: Math.max(0, page.total + delta) };
}

export function removeItemFromPages(data: BacklogListData | undefined, id: string): BacklogListData | undefined {
  if (!data || !findInPages(data, id)) return data;
  return {
    ...data,
    pages: data.pages.map((page) => withTotal({ ...page, items: page.items.filter((item) => item.id !== id) }, -1)),
  };
}

/** Appends an item to the last loaded page; only right when that page is the end of the list. */
export function appendItemToPages(data: BacklogListData | undefined, item: BacklogRow): BacklogListData | undefined {
  if (!data || data.pages.length === 0) return data;
  const last = data.pages.length - 1;
  return {
    ...data,
    pages: data.pages.map((page, index) =>
      withTotal(index === last ? { ...page, items: [...page.items, item] } : page, 1),
    ),
  };
}

/** Counts an item the list does not show (yet) in the total. */
export function bumpTotal(data: BacklogListData | undefined, delta: number): BacklogListData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => withTotal(page, delta)) };
}

/**
 * Moves an item to a new position in the loaded list, keeping each page's
 * length so later pages still line up with their cursors.
 */
export function moveItemInPages(
  data: BacklogListData | undefined,
  id: string,
  toIndex: number,
): BacklogListData | undefined {
  if (!data) return data;
  const all = flattenPages(data);
  const from = all.findIndex((item) => item.id === id);
  if (from < 0) return data;
  const target = Math.max(0, Math.min(toIndex, all.length - 1));
  if (target === from) return data;
  const reordered = all.slice();
  const [moved] = reordered.splice(from, 1);
  reordered.splice(target, 0, moved as BacklogRow);
  let offset = 0;
  const pages = data.pages.map((page) => {
    const items = reordered.slice(offset, offset + page.items.length);
    offset += page.items.length;
    return { ...page, items };
  });
  return { ...data, pages };
}

/**
 * Whether an item still belongs in a filtered list after an edit, for the
 * filters the client can judge from the item alone. Free text and objective
 * filters are left to the server ("unknown" keeps the row where it is).
 */
export function itemMatchesView(item: BacklogRow, view: BacklogView, liveKeyResultIds?: ReadonlySet<string>): boolean {
  if (view.status.length && !view.status.includes(item.status)) return false;
  if (view.type.length && !view.type.includes(item.type)) return false;
  if (view.teamId && item.teamId !== view.teamId) return false;
  if (view.flag.length && !item.flags.some((f) => view.flag.includes(f.code))) return false;
  if (view.keyResultId && !item.links.some((l) => l.keyResultId === view.keyResultId)) return false;
  // The server counts only links to key results that still exist.
  const linked = liveKeyResultIds ? item.links.some((l) => liveKeyResultIds.has(l.keyResultId)) : item.links.length > 0;
  if (view.unlinked && linked) return false;
  return true;
}
