import { describe, expect, it } from 'vitest';
import { adfToText } from './adf';

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks && { marks }) });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

describe('adfToText', () => {
  it('turns paragraphs, headings and hard breaks into lines, marks ignored', () => {
    const value = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Why')] },
      p(
        text('Trials '),
        text('convert', [{ type: 'strong' }]),
        text(' poorly.'),
        { type: 'hardBreak' },
        text('Fix it.'),
      ),
    );
    expect(adfToText(value)).toBe('Why\n\nTrials convert poorly.\nFix it.');
  });

  it('writes lists with markers, nested lists indented', () => {
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    const value = doc({
      type: 'bulletList',
      content: [
        item(p(text('one'))),
        item(p(text('two')), { type: 'orderedList', attrs: { order: 3 }, content: [item(p(text('sub')))] }),
      ],
    });
    expect(adfToText(value)).toBe('- one\n- two\n  3. sub');
  });

  it('keeps mentions, emoji, links, status and dates as words; drops media', () => {
    const value = doc(
      p(
        { type: 'mention', attrs: { id: 'abc', text: '@Ana' } },
        text(' see '),
        { type: 'inlineCard', attrs: { url: 'https://example.com/x' } },
        text(' '),
        { type: 'emoji', attrs: { shortName: ':tada:', text: '🎉' } },
        text(' '),
        { type: 'status', attrs: { text: 'BLOCKED', color: 'red' } },
        text(' by '),
        { type: 'date', attrs: { timestamp: '1767225600000' } },
      ),
      { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'x', type: 'file' } }] },
    );
    expect(adfToText(value)).toBe('@Ana see https://example.com/x 🎉 [BLOCKED] by 2026-01-01');
  });

  it('renders tables as rows of cells and code blocks as their text', () => {
    const cell = (t: string) => ({ type: 'tableCell', content: [p(text(t))] });
    const value = doc(
      { type: 'table', content: [{ type: 'tableRow', content: [cell('a'), cell('b')] }] },
      { type: 'codeBlock', attrs: { language: 'js' }, content: [text('x = 1\ny = 2')] },
    );
    expect(adfToText(value)).toBe('a | b\n\nx = 1\ny = 2');
  });

  it('keeps the words of node types it does not know, and survives junk', () => {
    expect(adfToText(doc({ type: 'futureBlock', content: [p(text('still here'))] }))).toBe('still here');
    expect(adfToText(null)).toBe('');
    expect(adfToText({ type: 'doc', content: 'nonsense' })).toBe('');
    expect(adfToText('  plain wiki text  ')).toBe('plain wiki text');
  });
});
