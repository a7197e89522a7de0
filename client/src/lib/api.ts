import { isErrorBody, type ErrorBody, type ErrorCode } from '@keyline/shared';

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
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'Could not reach the Keyline server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    if (isErrorBody(data)) throw new ApiError(res.status, data.error.code, data.error.message, data.error);
    throw new ApiError(res.status, 'INTERNAL', `The server answered ${res.status}`);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, { signal });
