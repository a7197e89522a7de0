import { isErrorBody, type ErrorBody, type ErrorCode } from '@keyline/shared/core';

/** A failed API call, carrying the server's code and message so screens can show them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly body?: ErrorBody['error'],
  ) {
    super(message);
  }
}

interface RequestOptions {
  body?: unknown;
  /** The version being edited; sent as If-Match. */
  version?: number;
  signal?: AbortSignal;
}

/** fetch for our API: JSON in and out, cookies included, errors as ApiError. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  const res = await fetchApi(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (res.status === 204) return undefined as T;
  const data = await readJson(res);
  if (!res.ok) throw errorFromBody(res.status, data);
  return data as T;
}

/**
 * fetch with the session cookie, for calls whose body is not JSON (a CSV
 * import, a backup file): a network failure becomes ApiError NETWORK; an
 * abort is rethrown as it is.
 */
export async function fetchApi(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'Could not reach the Keyline server. Check your connection and try again.');
  }
}

/** The answer's body as JSON; undefined when empty or not JSON. */
export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  return text ? safeJson(text) : undefined;
}

/** A refused answer as an ApiError: the server's { error: { code, message } }, or the bare status. */
export function errorFromBody(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) return new ApiError(status, data.error.code, data.error.message, data.error);
  return new ApiError(status, 'INTERNAL', `The server answered ${status}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, { signal });
