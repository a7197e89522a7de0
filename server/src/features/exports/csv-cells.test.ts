import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, neutraliseCell, PLAIN_NUMBER } from './csv-cells';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
/** Strings made mostly of the characters that matter here, plus any Unicode. */
const nasty = fc.oneof(
  fc.string({
    unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'", ' ', 'a', '1', 'é', '|'),
  }),
  fc.string({ unit: 'grapheme' }),
);
const cell = fc.oneof(nasty, fc.double({ noNaN: false }), fc.integer(), fc.constant(null));

describe('CSV cells a spreadsheet opens safely', () => {
  it('never lets a text cell start a formula, and keeps the text after the guard', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const out = neutraliseCell(text);
        expect(TRIGGERS.some((t) => out.startsWith(t))).toBe(false);
        expect(out === text || out === `'${text}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes RFC 4180 records whose every cell, read back, starts no formula (numbers stay numbers)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const square = rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
        const text = csvLines(square);
        expect(text.endsWith('\r\n')).toBe(true);
        const back = parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
        expect(back).toHaveLength(square.length);
        back.forEach((record, r) =>
          record.forEach((value, c) => {
            const isPlainNumber = typeof square[r]?.[c] === 'number' && PLAIN_NUMBER.test(value);
            if (!isPlainNumber) expect(TRIGGERS.some((t) => value.startsWith(t))).toBe(false);
            expect(value).toBe(neutraliseCell(square[r]?.[c]));
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
