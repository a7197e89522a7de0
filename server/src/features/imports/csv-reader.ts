import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@keyline/shared';
import { AppError } from '../../http/app-error';

export interface CsvTable {
  /** Header cells, trimmed, in file order (repeats kept: Jira repeats `Labels`). */
  headers: string[];
  /** Data records; record i is spreadsheet row i + 2 (the header is row 1). */
  records: string[][];
  delimiter: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an uploaded CSV the way real exports come: UTF-8 with or without a
 * BOM, `,` `;` or tab as separator (taken from the header line), CRLF or LF,
 * quoted commas and newlines, ragged rows. Anything unreadable is a 400 that
 * says how to fix the file; past the limits a 413 that names the limit.
 */
export function readCsv(body: Buffer): CsvTable {
  if (body.length > IMPORT_MAX_BYTES)
    throw tooLarge(
      `The file is ${mb(body.length)}; the limit is ${mb(IMPORT_MAX_BYTES)}. Split it into smaller files.`,
    );
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    throw badFile('The file is UTF-16 ("Unicode text"). Save it as "CSV UTF-8" and upload it again.');
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw badFile('The file is not UTF-8 text. In Excel choose "CSV UTF-8"; in Jira the export is already UTF-8.');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // PostgreSQL cannot store NUL in text (SQLite can): refuse it for both, so the databases never differ.
  if (text.includes('\u0000'))
    throw badFile('The file contains NUL characters, so it is not a text CSV. Export it again as CSV (UTF-8).');
  if (text.trim() === '') throw badFile('The file is empty.');

  const delimiter = detectDelimiter(text);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One more than allowed is enough to know the file is over the limit.
      to: IMPORT_MAX_ROWS + 2,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw badFile(`The file is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...records] = rows;
  if (!header) throw badFile('The file is empty.');
  if (records.length > IMPORT_MAX_ROWS) {
    throw tooLarge(
      `The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows. Split it into files of at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows.`,
    );
  }
  const headers = header.map((h) => h.trim());
  // Headers key the saved mapping (at most 200 characters each): a longer one is not a header row.
  if (headers.some((h) => [...h].length > 200))
    throw badFile('A column header is longer than 200 characters. Is the first row the column headers?');
  return { headers, records, delimiter };
}

/** The separator is whichever of `,` `;` tab occurs most in the header line outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const badFile = (message: string) =>
  new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['file'], message }] });
const tooLarge = (message: string) => new AppError('PAYLOAD_TOO_LARGE', message);
