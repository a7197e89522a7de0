import { useCallback, useState } from 'react';

const KEY = 'keyline.singleKeyShortcuts';

/**
 * Single-character shortcuts (/, C, J, K, X, T, E) can be switched off, as
 * WCAG 2.1.4 asks; the choice is remembered in this browser.
 */
export function useSingleKeyShortcuts(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(KEY) !== 'off';
    } catch {
      return true;
    }
  });
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  return [on, set];
}
