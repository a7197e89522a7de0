import { useCallback, useState } from 'react';

/**
 * A polite live region for quiet confirmations ("Saved effort for 'Dark
 * mode'") that need no toast on screen but must reach screen readers (WCAG 4.1.3).
 */
export function useAnnouncer() {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated message count as a change.
    setMessage('');
    requestAnimationFrame(() => setMessage(text));
  }, []);
  const region = (
    <div className="sr-only" role="status" aria-live="polite" data-testid="backlog-announcer">
      {message}
    </div>
  );
  return { announce, region };
}
