import { describe, expect, it } from 'vitest';
import { cssString, printStampCss } from './usePrintStamp';

describe('the printed page stamp', () => {
  it('quotes text so a cycle or team name cannot break out of the CSS string', () => {
    expect(cssString('Q4 "big" \\ push\nnow')).toBe('"Q4 \\"big\\" \\\\ push now"');
  });

  it('is a print-only @page rule with the stamp on the left and the page count on the right', () => {
    const css = printStampCss('Keyline · 2026-Q4');
    expect(css.startsWith('@media print { @page {')).toBe(true);
    expect(css).toContain('@bottom-left { content: "Keyline · 2026-Q4";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });
});
