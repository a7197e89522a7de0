import { useEffect } from 'react';

/** A CSS string literal that cannot be broken out of: backslashes, quotes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** The print-only @page rule that puts the stamp and the page number into every printed page's bottom margin. */
export function printStampCss(text: string): string {
  const box = 'font-family: system-ui, sans-serif; font-size: 9px; color: #4b5563;';
  return `@media print { @page { @bottom-left { content: ${cssString(text)}; ${box} } @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} } } }`;
}

/**
 * Stamps every printed page with what it shows and when the data is from
 * (docs/UI.md, "Dashboard"). Page margin boxes only take literal text, so the rule is
 * written for the dashboard on screen and removed when it goes.
 */
export function usePrintStamp(text: string): void {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.printStamp = '';
    style.textContent = printStampCss(text);
    document.head.append(style);
    return () => style.remove();
  }, [text]);
}
