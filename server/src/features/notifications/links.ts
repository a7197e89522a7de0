/**
 * Links back into Keyline, absolute with PUBLIC_URL: every message and every
 * webhook payload points at the exact screen. Paths only, so the client's
 * routes are the one source of truth (App.tsx).
 */
export class Links {
  constructor(readonly base: string) {}

  /** Makes a path (`/key-results/…`) absolute; an absolute URL (from an event payload) stays as it is. */
  absolute(path: string): string {
    if (/^https?:\/\//i.test(path)) return path;
    return `${this.base}${path.startsWith('/') ? path : `/${path}`}`;
  }

  static keyResult(id: string): string {
    return `/key-results/${id}`;
  }

  static item(id: string): string {
    return `/backlog/${id}`;
  }

  static cycle(id: string): string {
    return `/okrs?cycle=${encodeURIComponent(id)}`;
  }

  static profile(): string {
    return '/profile';
  }

  static alignment(): string {
    return '/alignment';
  }
}
