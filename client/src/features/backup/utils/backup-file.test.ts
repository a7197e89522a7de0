import { describe, expect, it } from 'vitest';
import { backupFileName, fileNameFromDisposition, formatFileSize, isConfirmed, tableLabel } from './backup-file';

describe('backup file helpers', () => {
  it('names the file after the UTC day, as the server does', () => {
    expect(backupFileName(new Date('2026-03-09T23:30:00Z'))).toBe('keyline-backup-2026-03-09.json');
  });

  it('reads the file name from Content-Disposition, or nothing', () => {
    expect(fileNameFromDisposition('attachment; filename="keyline-backup-2026-01-02.json"')).toBe(
      'keyline-backup-2026-01-02.json',
    );
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });

  it('formats sizes and table names for people', () => {
    expect(formatFileSize(512)).toBe('512 bytes');
    expect(formatFileSize(12_800)).toBe('13 KB');
    expect(formatFileSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(tableLabel('audit_events')).toBe('Audit events');
    expect(tableLabel('cycles')).toBe('Quarters');
    expect(tableLabel('api_tokens')).toBe('API tokens');
  });

  it('accepts only the exact word, surrounding spaces aside', () => {
    expect(isConfirmed(' RESTORE ')).toBe(true);
    expect(isConfirmed('restore')).toBe(false);
    expect(isConfirmed('RESTOR')).toBe(false);
  });
});
