import './controls.css';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A modal built on the native <dialog>: showModal() gives focus containment,
 * an inert background and Esc for free. Mount it to open it; focus returns to
 * whatever opened it when it closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Captured while rendering, before anything inside the dialog takes focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, [opener]);
  return (
    <dialog
      ref={ref}
      className={`okr-dialog${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: let React unmount it instead of the browser closing it behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="okr-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** "Delete … ?" with the consequence spelled out, and the server's answer if it refuses. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="row-actions okr-dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={onConfirm} disabled={pending}>
          {pending ? 'Deleting…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
