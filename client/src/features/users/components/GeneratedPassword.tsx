import { useRef, useState } from 'react';

/**
 * The password the server generated for a new member. The server shows it
 * exactly once, so this says so, and offers Copy (with selecting the text as
 * the fallback where the clipboard is not allowed).
 */
export function GeneratedPassword({
  name,
  email,
  password,
  onDone,
}: {
  name: string;
  email: string;
  password: string;
  onDone: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('no');
    }
  };

  return (
    <div className="st-password" role="region" aria-labelledby="st-password-title">
      <h3 id="st-password-title">
        <span aria-hidden="true">✓ </span>
        {name} can now sign in
      </h3>
      <p>
        Email <strong>{email}</strong>. This password is shown only this once: copy it now and give it to {name}{' '}
        privately.
      </p>
      <div className="st-password-row">
        <label htmlFor="st-generated-password" className="sr-only">
          Password for {name}
        </label>
        <input
          id="st-generated-password"
          ref={inputRef}
          className="st-password-value"
          readOnly
          value={password}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button primary" onClick={copy}>
          Copy password
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="meta" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'no'
            ? 'The browser did not allow copying; the password is selected, press Ctrl+C.'
            : ''}
      </p>
    </div>
  );
}
