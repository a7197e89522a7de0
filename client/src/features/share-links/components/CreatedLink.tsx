import { useId, useRef } from 'react';
import { useNotify } from '../../../components/Notifier';

/** The new link's address, shown this once (the server keeps only its hash), with a copy button. */
export function CreatedLink({ name, url, onDismiss }: { name: string; url: string; onDismiss: () => void }) {
  const notify = useNotify();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify({ kind: 'success', message: 'Link copied' });
    } catch {
      // No clipboard permission (plain http, older browsers): select it so Ctrl+C works.
      input.current?.select();
      notify({ kind: 'info', message: 'Press Ctrl+C (⌘C) to copy the selected link' });
    }
  };
  return (
    <div className="share-created" role="status">
      <p>
        <strong>Copy the link for “{name}” now.</strong> It is shown only this once; if it is lost, create a new one.
      </p>
      <label htmlFor={inputId} className="sr-only">
        Link for {name}
      </label>
      <div className="share-created-row">
        <input
          id={inputId}
          ref={input}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="created-share-url"
        />
        <button type="button" className="button primary" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" className="button ghost" onClick={onDismiss}>
          Hide
        </button>
      </div>
    </div>
  );
}
