import { useMutation } from '@tanstack/react-query';
import { errorFromBody, fetchApi, readJson } from '../../../lib/api';
import { backupFileName, fileNameFromDisposition } from '../utils/backup-file';

export interface DownloadedBackup {
  fileName: string;
  bytes: number;
}

export interface RestoreResult {
  /** Rows written, per table. */
  restored: Record<string, number>;
  signInAgain: true;
}

/**
 * GET /api/backup and hand the answer to the browser as a file. The bytes
 * are saved as the server sent them (never parsed and re-serialised), so
 * the file is exactly the document a restore expects.
 */
export async function downloadBackup(): Promise<DownloadedBackup> {
  const res = await fetchApi('/api/backup', { method: 'GET', headers: { accept: 'application/json' } });
  if (!res.ok) throw errorFromBody(res.status, await readJson(res));
  const blob = await res.blob();
  const fileName = fileNameFromDisposition(res.headers.get('content-disposition')) ?? backupFileName(new Date());
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give it a moment before letting the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName, bytes: blob.size };
}

/**
 * POST /api/restore with the chosen file as the body, unread: the server
 * checks all of it (JSON, shape, schema version, every row) before writing
 * anything, so its message is the one to show. Up to 100 MB; the session
 * cookie must be there (a cookie-less request is refused unread).
 */
export async function restoreBackup(file: Blob): Promise<RestoreResult> {
  const res = await fetchApi('/api/restore', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: file,
  });
  if (!res.ok) throw errorFromBody(res.status, await readJson(res));
  return (await res.json()) as RestoreResult;
}

export const useDownloadBackup = () => useMutation({ mutationFn: downloadBackup });
export const useRestoreBackup = () => useMutation({ mutationFn: restoreBackup });
