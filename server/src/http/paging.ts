import { AppError } from './app-error';

// Paging is by an opaque cursor that encodes an offset: the client's virtual
// table must be able to jump to any row, which keyset paging cannot.

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    // Safe integers only: a forged offset like 1e20 overflows the databases' OFFSET (a 500).
    if (typeof parsed.o === 'number' && Number.isSafeInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: Not a cursor this API gave out', {
    issues: [{ path: ['cursor'], message: 'Not a cursor this API gave out' }],
  });
}
