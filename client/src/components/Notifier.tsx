import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/**
 * Toasts for outcomes ("Saved", "Couldn't save…"), announced through a
 * polite live region (WCAG 4.1.3) so screen readers hear them too.
 */
export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  message: string;
  action?: { label: string; run: () => void };
}

interface NotifierApi {
  notify(notice: Omit<Notice, 'id'>): void;
}

const NotifierContext = createContext<NotifierApi>({ notify: () => undefined });

export function useNotify(): NotifierApi['notify'] {
  return useContext(NotifierContext).notify;
}

export function NotifierProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: Omit<Notice, 'id'>) => {
      const id = nextId.current++;
      setNotices((list) => [...list.slice(-3), { ...notice, id }]);
      setTimeout(() => dismiss(id), notice.kind === 'error' ? 10_000 : 5_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <NotifierContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
        {notices.map((n) => (
          <div key={n.id} className={`toast toast-${n.kind}`}>
            <span>
              {n.kind === 'error' ? '✕ ' : n.kind === 'success' ? '✓ ' : ''}
              {n.message}
            </span>
            {n.action && (
              <button
                type="button"
                className="button ghost"
                onClick={() => {
                  n.action?.run();
                  dismiss(n.id);
                }}
              >
                {n.action.label}
              </button>
            )}
            <button type="button" className="button ghost" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NotifierContext.Provider>
  );
}
