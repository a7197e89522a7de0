import type { CreatedWebhook } from '@keyline/shared';
import { useRef, useState } from 'react';

/** The signing secret, shown this once: Keyline signs with it but never sends it back. */
export function CreatedWebhookSecret({ webhook, onDone }: { webhook: CreatedWebhook; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(webhook.secret);
      setCopied(true);
    } catch {
      inputRef.current?.select();
      setCopied(false);
    }
  };
  return (
    <div className="st-password" role="region" aria-labelledby="nt-secret-title">
      <h3 id="nt-secret-title">
        <span aria-hidden="true">✓ </span>Webhook added
      </h3>
      <p>
        <strong>Copy its signing secret now: you won't see it again.</strong> Your receiver checks each delivery's{' '}
        <code>X-Keyline-Signature</code> with it.
      </p>
      <div className="st-password-row">
        <label htmlFor="nt-secret-value" className="sr-only">
          Signing secret for {webhook.url}
        </label>
        <input
          id="nt-secret-value"
          ref={inputRef}
          className="st-password-value"
          readOnly
          value={webhook.secret}
          onFocus={(e) => e.target.select()}
          data-testid="webhook-secret"
        />
        <button type="button" className="button primary" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="meta" role="status">
        {copied === true ? 'Copied.' : copied === false ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </p>
    </div>
  );
}
