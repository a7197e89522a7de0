import './controls.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A destructive action that asks first, in place: the button turns into a
 * named group with the question, the confirm button (focused) and a way
 * back. Escape or the way back returns focus to the button. Open state is
 * the component's own unless the row drives it (`open` + `onOpenChange`).
 */
export function ConfirmDeleteButton({
  label,
  name,
  className = 'button',
  question,
  groupName,
  confirmLabel = label,
  cancelLabel = 'Cancel',
  pending = false,
  small = false,
  open: controlledOpen,
  onOpenChange,
  onConfirm,
}: {
  /** The button's text, e.g. "Delete" or "Revoke". */
  label: string;
  /** The button's accessible name when the text alone is ambiguous, e.g. "Revoke CI token". */
  name?: string;
  className?: string;
  /** What is asked, e.g. "Delete Platform?". */
  question?: ReactNode;
  /** The confirmation group's accessible name, e.g. "Confirm deleting Platform". */
  groupName: string;
  confirmLabel?: string;
  cancelLabel?: string;
  pending?: boolean;
  /** Small buttons, for dense tables. */
  small?: boolean;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Runs the action; `close` puts the button back (call it when the row stays, e.g. on an error). */
  onConfirm: (close: () => void) => void;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [open]);
  const back = () => {
    returnFocus.current = true;
    setOpen(false);
  };

  if (!open)
    return (
      <button ref={trigger} type="button" className={className} aria-label={name} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <span
      className="confirm-delete"
      role="group"
      aria-label={groupName}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          back();
        }
      }}
    >
      {question && <span>{question}</span>}
      <button
        type="button"
        className={small ? 'button danger small' : 'button danger'}
        disabled={pending}
        autoFocus
        onClick={() => onConfirm(() => setOpen(false))}
      >
        {confirmLabel}
      </button>
      <button type="button" className={small ? 'button ghost small' : 'button ghost'} onClick={back}>
        {cancelLabel}
      </button>
    </span>
  );
}
