import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as we write it: a spreadsheet reads it as a number, never as a formula. */
export const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;

export type CellValue = string | number | null | undefined;

/**
 * One cell, safe to open in Excel, LibreOffice or Google Sheets: text that
 * would start a formula gets a leading apostrophe (shown as text, the value
 * unchanged after it); numbers we computed go out as numbers.
 */
export function neutraliseCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: comma-separated, CRLF between records, quotes only where needed (doubled inside). */
export function csvLines(rows: readonly CellValue[][]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((r) => r.map(neutraliseCell)),
    { record_delimiter: '\r\n' },
  );
}

/**
 * Streams a CSV download: the headers go out only once the first rows are in
 * hand (so a failure before that is still a clean error response), then page
 * by page, waiting when the client reads slowly. A UTF-8 BOM lets Excel show
 * accents right; Keyline's own import reads it.
 */
export async function sendCsv(
  res: Response,
  filename: string,
  header: string[],
  pages: AsyncIterable<CellValue[][]>,
): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  await write(res, `\uFEFF${csvLines([header])}`);
  if (!first.done) await write(res, csvLines(first.value));
  for (let page = await iterator.next(); !page.done && !res.destroyed; page = await iterator.next())
    await write(res, csvLines(page.value));
  res.end();
}

function write(res: Response, chunk: string): Promise<void> {
  if (chunk === '' || res.destroyed || res.write(chunk)) return Promise.resolve();
  // A client that goes away never drains: stop waiting when the socket closes.
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
