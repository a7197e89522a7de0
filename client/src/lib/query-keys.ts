import { formatCommentSubject, type CommentSubject } from '@keyline/shared/core';
import type { QueryClient } from '@tanstack/react-query';

/**
 * Every query key the client uses, one factory per resource (docs/ARCHITECTURE.md,
 * "The client's data layer"). Each factory has a root (`all`) that every
 * view of the resource sits under, so invalidating the root reaches them
 * all; the HTTP calls and hooks live in the resource's `api/` module.
 */

export const cycleKeys = {
  all: ['cycles'] as const,
  lists: () => [...cycleKeys.all, 'list'] as const,
  detail: (id: string) => [...cycleKeys.all, 'detail', id] as const,
};

/** `cycleId` absent: every live objective (the backlog's chips name links to earlier quarters too). */
export interface OkrListFilters {
  cycleId?: string;
}

export const objectiveKeys = {
  all: ['objectives'] as const,
  lists: () => [...objectiveKeys.all, 'list'] as const,
  list: (filters: OkrListFilters) => [...objectiveKeys.lists(), filters] as const,
  detail: (id: string) => [...objectiveKeys.all, 'detail', id] as const,
};

export const keyResultKeys = {
  all: ['key-results'] as const,
  lists: () => [...keyResultKeys.all, 'list'] as const,
  list: (filters: OkrListFilters) => [...keyResultKeys.lists(), filters] as const,
  detail: (id: string) => [...keyResultKeys.all, 'detail', id] as const,
};

export const checkInKeys = {
  all: ['check-ins'] as const,
  list: (keyResultId: string) => [...checkInKeys.all, 'list', { keyResultId }] as const,
};

export const auditEventKeys = {
  all: ['audit-events'] as const,
  about: (id: string) => [...auditEventKeys.all, 'list', { about: id }] as const,
};

/**
 * Backlog items, whichever screen shows them: the backlog table and the
 * alignment page's flagged lists (`list`: infinite, page after page), the
 * KR page's linked items, counts and samples (`page`: one page), and single
 * items (`detail`). An item edit patches or invalidates all of them.
 */
export const backlogItemKeys = {
  all: ['backlog-items'] as const,
  lists: () => [...backlogItemKeys.all, 'list'] as const,
  /** `query` is the API query string (filters, sort, page size); pages follow by cursor. */
  list: (query: string) => [...backlogItemKeys.lists(), query] as const,
  pages: () => [...backlogItemKeys.all, 'page'] as const,
  page: (query: string) => [...backlogItemKeys.pages(), query] as const,
  details: () => [...backlogItemKeys.all, 'detail'] as const,
  detail: (id: string) => [...backlogItemKeys.details(), id] as const,
};

export const teamKeys = {
  all: ['teams'] as const,
  list: () => [...teamKeys.all, 'list'] as const,
};

/** Accounts (admins' settings) and the member directory (names, for every signed-in user). */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  members: () => [...userKeys.all, 'members'] as const,
};

export const sessionKeys = { current: ['session'] as const };

export const alignmentKeys = {
  all: ['alignment'] as const,
  report: (filters: { cycleId: string | null; teamId: string | null }) =>
    [...alignmentKeys.all, 'report', filters.cycleId ?? 'active', filters.teamId ?? 'all'] as const,
  suggestions: (itemId: string) => [...alignmentKeys.all, 'suggested-links', itemId] as const,
};

export const plannerKeys = {
  all: ['planner'] as const,
  plan: (params: object | null) => [...plannerKeys.all, 'plan', params] as const,
};

export const dashboardKeys = {
  all: ['dashboard'] as const,
  signedIn: (cycleId: string | null, teamId: string | null) => [...dashboardKeys.all, { cycleId, teamId }] as const,
  shared: (token: string, teamId: string | null) => ['shared-dashboard', token, { teamId }] as const,
};

/**
 * Outcomes are derived from check-ins, done dates, links and the outcome
 * settings: every write to those invalidates this root.
 */
export const outcomeKeys = {
  all: ['outcomes'] as const,
  /** `filter`: the non-empty filters only, so equal filters share an entry. */
  report: (filter: Readonly<Record<string, string>>) => [...outcomeKeys.all, 'report', filter] as const,
  trackRecords: () => [...outcomeKeys.all, 'track-records'] as const,
  settings: ['outcomes', 'settings'] as const,
};

export const scoringSettingsKeys = { settings: ['scoring-settings'] as const };

export const lifecycleSettingsKeys = { settings: ['settings', 'lifecycle'] as const };

/** One cache entry per thread; a KR's thread holds its check-ins' comments too. */
export const commentKeys = {
  all: ['comments'] as const,
  thread: (subject: CommentSubject) => [...commentKeys.all, formatCommentSubject(subject)] as const,
};

export const notificationKeys = {
  preferences: ['notifications', 'preferences'] as const,
  settings: ['notifications', 'settings'] as const,
  overview: ['notifications', 'overview'] as const,
  /** Every page of the delivery log, whatever the filters: a retry or a test refreshes them all. */
  deliveries: ['notifications', 'deliveries'] as const,
  deliveryPage: (status: string | null, channel: string | null, before: string | null) =>
    [...notificationKeys.deliveries, status, channel, before] as const,
  unsubscribe: (token: string) => ['notifications', 'unsubscribe', token] as const,
};

export const apiTokenKeys = { all: ['api-tokens'] as const };

export const shareLinkKeys = { all: ['share-links'] as const };

export const chatChannelKeys = { all: ['chat-channels'] as const };

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => [...webhookKeys.all, id, 'deliveries'] as const,
};

export const integrationKeys = {
  all: ['integrations'] as const,
  runs: (id: string) => [...integrationKeys.all, id, 'runs'] as const,
};

export const ssoKeys = {
  signInOptions: ['sign-in-options'] as const,
  settings: ['sso-settings'] as const,
  scimTokens: ['scim-tokens'] as const,
};

/**
 * The views computed from item scores on the server (docs/ARCHITECTURE.md,
 * "Derived data"): alignment, the dashboard, the planner, outcomes and the
 * KR list's work counts. Any write that moves a score makes them stale.
 */
const SCORED_VIEW_ROOTS = [
  alignmentKeys.all,
  dashboardKeys.all,
  plannerKeys.all,
  outcomeKeys.all,
  keyResultKeys.all,
] as const;

/**
 * After a backlog item write: every view of backlog items and every scored
 * view is stale. Views on screen are left as they are (the backlog table
 * patched them already; refetching 200-row pages after each keystroke
 * would move rows under the user): they refetch when next shown, on any
 * screen. Outcomes (the open item's outcome panel) refetch at once.
 */
export function invalidateItemViews(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: backlogItemKeys.all, refetchType: 'none' }),
    ...SCORED_VIEW_ROOTS.map((queryKey) =>
      client.invalidateQueries({ queryKey, refetchType: queryKey === outcomeKeys.all ? 'active' : 'none' }),
    ),
  ]).then(() => undefined);
}

/** After a write that changes many items' scores at once (imports, syncs, scoring settings, a plan): refetch all. */
export function refreshAllItemViews(client: QueryClient): Promise<void> {
  return Promise.all(
    [backlogItemKeys.all, ...SCORED_VIEW_ROOTS].map((queryKey) => client.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}

/**
 * A KR, objective, cycle or check-in change moves rolled-up progress, the
 * tree, the detail header, the history, the audit trail, and the scores of
 * the items linked to it: refetch them all (they are small).
 */
export function invalidateOkrData(client: QueryClient): Promise<void> {
  return Promise.all(
    [
      cycleKeys.all,
      objectiveKeys.all,
      keyResultKeys.all,
      checkInKeys.all,
      auditEventKeys.all,
      backlogItemKeys.all,
      ...SCORED_VIEW_ROOTS,
    ].map((queryKey) => client.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}
