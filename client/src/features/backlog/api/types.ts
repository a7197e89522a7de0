import type { BacklogItem, Page } from '@keyline/shared';
import type { InfiniteData } from '@tanstack/react-query';

/** A flag the scoring engine puts on an item, with its human reason. */
export interface ItemFlagView {
  code: string;
  message: string;
}

/**
 * A backlog item as the list shows it. Scoring (issue 4) adds the value
 * score, its breakdown and flags to the same payload; until the server sends
 * them they are simply absent, so every use is optional.
 */
export type BacklogRow = BacklogItem & {
  valueScore?: number | null;
  breakdown?: unknown;
  flags?: ItemFlagView[];
};

export type BacklogPage = Page<BacklogRow>;
export type BacklogListData = InfiniteData<BacklogPage, string | null>;
