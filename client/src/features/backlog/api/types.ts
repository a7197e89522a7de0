import type { Page, ScoredBacklogItem } from '@keyline/shared';
import type { InfiniteData } from '@tanstack/react-query';

export type BacklogPage = Page<ScoredBacklogItem>;
export type BacklogListData = InfiniteData<BacklogPage, string | null>;
