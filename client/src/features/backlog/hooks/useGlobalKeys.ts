import { useEffect, useRef } from 'react';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || Boolean(target.closest('input, textarea, select, dialog')));

/**
 * Page-wide single keys ("/" search, "C" create, "?" help). Ignored while
 * typing, inside dialogs, with modifiers, or when single keys are off.
 */
export function useGlobalKeys(enabled: boolean, keys: Record<string, () => void>) {
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      const run = keysRef.current[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (run) {
        event.preventDefault();
        run();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
