import { lazy, type ComponentType } from 'react';

/**
 * Every screen's code, loaded on demand (the chart library alone is ~120 kB
 * gzip). The shell preloads a screen when its navigation link is hovered or
 * focused, and the other screens once the browser is idle, so a click rarely
 * waits for a download. This module imports no other part of the app (the
 * shell and App both import it), which keeps the import graph free of cycles.
 */
const loaders = {
  okrs: () => import('../features/objectives/OkrsPage').then((m) => m.OkrsPage),
  keyResult: () => import('../features/key-results/KeyResultPage').then((m) => m.KeyResultPage),
  backlog: () => import('../features/backlog/BacklogPage').then((m) => m.BacklogPage),
  alignment: () => import('../features/alignment/AlignmentPage').then((m) => m.AlignmentPage),
  scoring: () => import('../features/scoring/ScoringSettingsPage').then((m) => m.ScoringSettingsPage),
  settings: () => import('../features/settings/SettingsPage').then((m) => m.SettingsPage),
  import: () => import('../features/imports/ImportPage').then((m) => m.ImportPage),
  dashboard: () => import('../features/dashboard/DashboardPage').then((m) => m.DashboardPage),
  sharedDashboard: () => import('../features/share-links/SharedDashboardPage').then((m) => m.SharedDashboardPage),
  planner: () => import('../features/planner/PlannerPage').then((m) => m.PlannerPage),
  outcomes: () => import('../features/outcomes/OutcomesPage').then((m) => m.OutcomesPage),
  grades: () => import('../features/cycles/GradesPage').then((m) => m.GradesPage),
  closeCycle: () => import('../features/cycles/CloseCyclePage').then((m) => m.CloseCyclePage),
  profile: () => import('../features/notifications/ProfilePage').then((m) => m.ProfilePage),
  unsubscribe: () => import('../features/notifications/UnsubscribePage').then((m) => m.UnsubscribePage),
} satisfies Record<string, () => Promise<ComponentType>>;

type ScreenName = keyof typeof loaders;

const started = new Map<ScreenName, Promise<ComponentType>>();

/** Starts (once) the download of a screen's code; a failure is left for the screen's own load to report. */
function load(name: ScreenName): Promise<ComponentType> {
  let promise = started.get(name);
  if (!promise) {
    promise = loaders[name]();
    // A failed preload must not stick: the lazy screen retries and shows its error boundary.
    promise.catch(() => started.delete(name));
    started.set(name, promise);
  }
  return promise;
}

/** The lazily loaded screen components, for the route table in App.tsx. */
export const screens = {} as Record<ScreenName, ComponentType>;
for (const name of Object.keys(loaders) as ScreenName[]) {
  screens[name] = lazy(() => load(name).then((component) => ({ default: component })));
}

/** Which screen a path of the navigation opens. */
function screenFor(path: string): ScreenName | undefined {
  const first = path.split('/')[1] ?? '';
  const byPrefix: Record<string, ScreenName> = {
    okrs: 'okrs',
    'key-results': 'keyResult',
    backlog: 'backlog',
    alignment: 'alignment',
    scoring: 'scoring',
    settings: 'settings',
    import: 'import',
    dashboard: 'dashboard',
    planner: 'planner',
    outcomes: 'outcomes',
    profile: 'profile',
  };
  return byPrefix[first];
}

/** Preloads the screen a link leads to (on hover, focus or touch of the link). */
export function preloadScreen(path: string): void {
  const name = screenFor(path);
  if (name) void load(name).catch(() => undefined);
}

/** How long the screen on show has the network and the main thread to itself before preloading starts. */
const PRELOAD_DELAY_MS = 3_000;

/**
 * Preloads the given paths' screens one at a time while the browser is idle,
 * each in its own idle period so no long task lands on the user, and only
 * once the screen on show has settled (`busy` false, e.g. no query fetching)
 * for a few seconds: its own data and code come first. Returns a function
 * that stops the remaining ones.
 */
export function preloadWhenIdle(paths: readonly string[], busy: () => boolean = () => false): () => void {
  const queue = [...paths];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let handle: number | undefined;
  let stopped = false;
  const idle = (fn: () => void) => {
    if (typeof window.requestIdleCallback === 'function') handle = window.requestIdleCallback(fn, { timeout: 10_000 });
    else timer = setTimeout(fn, 200);
  };
  const later = (fn: () => void) => {
    timer = setTimeout(fn, PRELOAD_DELAY_MS);
  };
  const next = () => {
    if (stopped) return;
    if (busy()) return later(next);
    const path = queue.shift();
    if (path === undefined) return;
    const name = screenFor(path);
    const done = name ? load(name).catch(() => undefined) : Promise.resolve();
    void done.then(() => {
      if (!stopped) idle(next);
    });
  };
  later(() => idle(next));
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (handle !== undefined && typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(handle);
  };
}
