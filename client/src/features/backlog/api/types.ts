import type { Page, BacklogRow } from '@keyline/shared';
import type { InfiniteData } from '@tanstack/react-query';

export type BacklogPage = Page<BacklogRow>;
export type BacklogListData = InfiniteData<BacklogPage, string | null>;
