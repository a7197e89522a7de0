import { useRef, useState } from 'react';
import type { CreatedApiToken } from '@keyline/shared';
import { curlExample } from '../utils/api-token-form';

/**
 * The new token's secret, shown exactly once (Keyline keeps only its hash),
 * with Copy (selecting the text where the clipboard is not allowed) and a
 * ready-to-run curl line.
 */
export function CreatedToken({
  token,
  origin,
  onDone,
}: {
  token: CreatedApiToken;
  origin: string;
  onDone: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'token' | 'command' | 'no' | null>(null);
  const command = curlExample(origin, token.token);

  const copy = async (what: 'token' | 'command') => {
    try {
      await navigator.clipboard.writeText(what === 'token' ? token.token : command);
      setCopied(what);
    } catch {
      inputRef.current?.select();
      setCopied('no');
    }
  };

  return (
    <div className="st-password tk-created" role="region" aria-labelledby="tk-created-title">
      <h3 id="tk-created-title">
        <span aria-hidden="true">✓ </span>
        Token “{token.name}” created
      </h3>
      <p>
        <strong>Copy it now: you won't see it again.</strong> Keyline keeps only a hash of it; if it is lost, revoke it
        and create a new one.
      </p>
      <div className="st-password-row">
        <label htmlFor="tk-created-value" className="sr-only">
          API token {token.name}
        </label>
        <input
          id="tk-created-value"
          ref={inputRef}
          className="st-password-value"
          readOnly
          value={token.token}
          onFocus={(e) => e.target.select()}
          data-testid="created-api-token"
        />
        <button type="button" className="button primary" onClick={() => void copy('token')}>
          Copy token
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
      <h4 className="tk-example-title" id="tk-example-title">
        Try it
      </h4>
      <pre className="tk-example">
        <code>{command}</code>
      </pre>
      <button type="button" className="button" onClick={() => void copy('command')}>
        Copy command
      </button>
      <p className="meta" role="status">
        {copied === 'token'
          ? 'Token copied to the clipboard.'
          : copied === 'command'
            ? 'Command copied to the clipboard.'
            : copied === 'no'
              ? 'The browser did not allow copying; the token is selected, press Ctrl+C.'
              : ''}
      </p>
    </div>
  );
}
