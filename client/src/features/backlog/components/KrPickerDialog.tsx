import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { KrOption } from '../utils/kr-options';
import { STRENGTH_LABELS } from '../utils/labels';
import { KrCombobox } from './KrCombobox';
import { strengthDots } from './KrChips';

export interface PickerTarget {
  ids: readonly string[];
  /** "Dark mode", or "3 items". */
  label: string;
  /** Existing links of a single item, to say "already linked". */
  linked: ReadonlyMap<string, number>;
  /** Opened from the batch bar: failures stay selected afterwards. */
  fromSelection: boolean;
}

/**
 * Tag one or many items to a KR of the active quarter: pick the KR with the
 * keyboard (type, ↑/↓, Enter), then the strength (1–3, default 2; keys 1–3
 * or arrows), Enter tags. A modal <dialog>: focus stays inside, Esc closes
 * and focus goes back to where it was.
 */
export function KrPickerDialog({
  target,
  options,
  cycleName,
  onTag,
  onClose,
}: {
  target: PickerTarget;
  options: readonly KrOption[];
  cycleName: string | null;
  onTag: (keyResult: KrOption, strength: number) => Promise<void>;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const strengthRef = useRef<HTMLFieldSetElement>(null);
  const [picked, setPicked] = useState<KrOption | null>(null);
  const [strength, setStrength] = useState(2);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (picked) strengthRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [picked]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!picked || busy) return;
    setBusy(true);
    try {
      await onTag(picked, strength);
    } finally {
      setBusy(false);
    }
  };

  const onStrengthKey = (event: KeyboardEvent) => {
    if (event.key === '1' || event.key === '2' || event.key === '3') setStrength(Number(event.key));
    if (event.key === 'Enter') void submit(event);
  };

  return (
    <dialog
      ref={dialogRef}
      className="kr-dialog"
      aria-labelledby="kr-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={submit}>
        <h2 id="kr-dialog-title">Tag {target.label} to a key result</h2>
        {cycleName && <p className="meta">Key results of {cycleName}, the active quarter.</p>}
        {picked ? (
          <p className="kr-picked">
            <span className="meta">Key result</span>
            <strong>{picked.title}</strong>
            <button type="button" className="button ghost" onClick={() => setPicked(null)}>
              Change
            </button>
          </p>
        ) : (
          <KrCombobox options={options} linked={target.linked} onPick={setPicked} autoFocus />
        )}
        <fieldset className="kr-strength" ref={strengthRef} disabled={!picked} onKeyDown={onStrengthKey}>
          <legend>How much does this move it?</legend>
          {([1, 2, 3] as const).map((s) => (
            <label key={s} className="kr-strength-option">
              <input type="radio" name="strength" value={s} checked={strength === s} onChange={() => setStrength(s)} />
              <span aria-hidden="true" className="bl-chip-strength">
                {strengthDots(s)}
              </span>
              {s} · {STRENGTH_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <div className="row-actions kr-actions">
          <button type="submit" className="button primary" disabled={!picked || busy}>
            {busy ? 'Tagging…' : 'Tag'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
