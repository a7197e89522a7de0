import { isoDay } from '@keyline/shared';
/** The name the server gives the file (`keyline-backup-YYYY-MM-DD.json`), for when the header is missing. */
export function backupFileName(now: Date): string {
  return `keyline-backup-${isoDay(now)}.json`;
}

/** The file name from a Content-Disposition header, if it names one. */
export function fileNameFromDisposition(header: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(header ?? '');
  return match?.[1] ?? null;
}

/** "12 KB", "3.4 MB": a backup's size, for the person about to save or upload it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Tables whose name differs from what the screens call them. */
const TABLE_LABELS: Readonly<Record<string, string>> = {
  users: 'Members',
  cycles: 'Quarters',
  check_ins: 'Check-ins',
  api_tokens: 'API tokens',
  headline_history: 'Dashboard history',
};

/** `audit_events` → "Audit events": the server's table names, as the screens say them; a table added later still reads well. */
export function tableLabel(name: string): string {
  const known = TABLE_LABELS[name];
  if (known) return known;
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The word the admin types before a restore may start. */
export const CONFIRM_WORD = 'RESTORE';

export function isConfirmed(typed: string): boolean {
  return typed.trim() === CONFIRM_WORD;
}
