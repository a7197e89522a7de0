import { ApiError } from './api';

/** One message per form field, keyed by the field's name in the shared schema. */
export type FieldErrors = Partial<Record<string, string>>;

/** The part of a zod schema forms need; typed structurally so the client does not import zod itself. */
interface SafeParser<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Runs the shared schema (the one the server validates with) and keeps the
 * first message per field, so the form says what the server would have said.
 */
export function validateWith<T>(schema: SafeParser<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}

export function issuesToFieldErrors(issues: { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Field messages the server sent back (rules zod cannot see: "Already in use", "No such team"). */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.body?.issues) return {};
  return issuesToFieldErrors(error.body.issues);
}

/** A number input's text as the schema expects it: blank is "not given", anything else a number (NaN fails validation). */
export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * Only the fields the user actually changed. Sending just these keeps a
 * re-apply after a 412 from overwriting fields someone else changed.
 */
export function changedFields<T extends object>(original: T, next: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== undefined && next[key] !== original[key]) changes[key] = next[key];
  }
  return changes;
}
