import { useRef, useState } from 'react';

/**
 * Where the tracker sends its webhooks, and the secret it signs them with,
 * shown once (Keyline keeps it encrypted and never shows it again).
 */
export function WebhookSecret({
  kind,
  url,
  secret,
  onDone,
}: {
  kind: 'jira' | 'github';
  url: string;
  secret: string;
  onDone: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>('');
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied to the clipboard.`);
    } catch {
      inputRef.current?.select();
      setCopied('The browser did not allow copying; the secret is selected, press Ctrl+C.');
    }
  };
  return (
    <div className="st-password ig-secret" role="region" aria-label="Webhook set-up">
      <h3>
        <span aria-hidden="true">✓ </span>Webhook secret
      </h3>
      <p>
        <strong>Copy it now: you won't see it again.</strong>{' '}
        {kind === 'jira'
          ? 'In Jira: Settings → System → WebHooks → Create a WebHook; paste this address as the URL and the secret as the Secret; pick the events Issue created, updated and deleted, and the same JQL.'
          : 'In GitHub: the repository’s Settings → Webhooks → Add webhook; paste this address as the Payload URL, choose application/json, paste the secret, and pick “Issues” events.'}
      </p>
      <div className="st-password-row">
        <label className="sr-only" htmlFor="ig-hook-url">
          Webhook address
        </label>
        <input id="ig-hook-url" className="st-password-value" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy(url, 'Address')}>
          Copy address
        </button>
      </div>
      <div className="st-password-row ig-secret-row">
        <label className="sr-only" htmlFor="ig-hook-secret">
          Webhook secret
        </label>
        <input
          id="ig-hook-secret"
          ref={inputRef}
          className="st-password-value"
          readOnly
          value={secret}
          onFocus={(e) => e.target.select()}
          data-testid="webhook-secret"
        />
        <button type="button" className="button primary" onClick={() => void copy(secret, 'Secret')}>
          Copy secret
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="meta" role="status">
        {copied}
      </p>
    </div>
  );
}
