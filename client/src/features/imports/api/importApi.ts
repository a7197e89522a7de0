import { isErrorBody, type Cycle, type ImportMapping, type ImportResult } from '@keyline/shared';
import { ApiError, apiGet } from '../../../lib/api';

export type ImportMode = 'preview' | 'apply';

/**
 * Sends the file itself as the body (text/csv): the server parses it, so
 * the browser never loads a 10 MB file into a JSON string.
 */
export async function uploadImport(file: Blob, mode: ImportMode, mapping?: ImportMapping, signal?: AbortSignal): Promise<ImportResult> {
  const params = new URLSearchParams({ mode });
  if (mapping) params.set('mapping', JSON.stringify(mapping));
  let res: Response;
  try {
    res = await fetch(`/api/imports?${params}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: file,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'Could not reach the Keyline server. Check your connection and try again.');
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    if (isErrorBody(data)) throw new ApiError(res.status, data.error.code, data.error.message, data.error);
    throw new ApiError(res.status, 'INTERNAL', `The server answered ${res.status}`);
  }
  return data as ImportResult;
}

export const listCycles = (signal?: AbortSignal) => apiGet<Cycle[]>('/api/cycles', signal);
