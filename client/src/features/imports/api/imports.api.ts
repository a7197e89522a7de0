import type { ImportMapping, ImportResult } from '@keyline/shared';
import { errorFromBody, fetchApi, readJson } from '../../../lib/api';

export type ImportMode = 'preview' | 'apply';

/**
 * Sends the file itself as the body (text/csv): the server parses it, so
 * the browser never loads a 10 MB file into a JSON string.
 */
export async function uploadImport(
  file: Blob,
  mode: ImportMode,
  mapping?: ImportMapping,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const params = new URLSearchParams({ mode });
  if (mapping) params.set('mapping', JSON.stringify(mapping));
  const res = await fetchApi(`/api/imports?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', accept: 'application/json' },
    body: file,
    signal,
  });
  const data = await readJson(res);
  if (!res.ok) throw errorFromBody(res.status, data);
  return data as ImportResult;
}
