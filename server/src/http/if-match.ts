import { AppError } from './app-error';

/**
 * ETags are the row version in quotes, e.g. `"7"`: strong, so `If-Match`
 * can be compared (Express's default weak ETags never match).
 */
export const etagFor = (version: number) => `"${version}"`;

/** The version the client based its edit on. Missing → 428; unreadable → 412 (it cannot match). */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '' || header.trim() === '*') {
    throw new AppError(
      'PRECONDITION_REQUIRED',
      'This change needs an If-Match header with the version you edited, e.g. If-Match: "3"',
    );
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new AppError('VERSION_CONFLICT', 'If-Match does not name a current version; reload and try again');
  }
  return Number(match[1]);
}
