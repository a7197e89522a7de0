import { ApiError } from './api';

/**
 * A 412: someone saved the record after this copy was read. Every form and
 * row shows it with ConflictNotice (reload theirs, or re-apply mine) instead
 * of the server's message; this is the one test for it.
 */
export const isVersionConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT';

/** Field name → message from a 400/409 answer's issues, for errors shown beside their fields. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.body?.issues) return {};
  const out: Record<string, string> = {};
  for (const issue of error.body.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in out)) out[field] = issue.message;
  }
  return out;
}

/** The one sentence to show for a failed request. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}

/** Keeps a list sorted by name the way the server does, after an in-place change. */
export function upsertByName<T extends { id: string; name: string }>(list: readonly T[] | undefined, item: T): T[] {
  const rest = (list ?? []).filter((x) => x.id !== item.id);
  return [...rest, item].sort((a, b) => a.name.localeCompare(b.name));
}
