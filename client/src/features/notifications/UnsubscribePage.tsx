import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/errors';
import { useUnsubscribe, useUnsubscribeInfo } from './api/notifications.api';
import './notifications.css';

/**
 * Where an e-mail's unsubscribe link lands: no sign-in needed (the signed
 * token is the authority). Opening it changes nothing (mail scanners open
 * links); the button does. Mail clients' one-click POST skips this page.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useUnsubscribeInfo(token);
  const unsubscribe = useUnsubscribe(token);
  return (
    <main className="signin nt-unsubscribe" id="main">
      <div className="signin-card">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          Keyline
        </p>
        <h1>Unsubscribe</h1>
        {info.isPending && <p role="status">Checking the link…</p>}
        {info.isError && (
          <p role="alert">
            {errorMessage(info.error)} <Link to="/profile">Open your notification settings</Link>
          </p>
        )}
        {info.data &&
          (info.data.subscribed ? (
            <>
              <p>
                Stop sending <strong>{info.data.label.toLowerCase()}</strong> to {info.data.email}? Everything else
                Keyline sends you stays as it is.
              </p>
              <button
                type="button"
                className="button primary"
                onClick={() => unsubscribe.mutate()}
                disabled={unsubscribe.isPending}
              >
                {unsubscribe.isPending ? 'Unsubscribing…' : `Unsubscribe from ${info.data.label.toLowerCase()}`}
              </button>
              {unsubscribe.isError && (
                <p className="error-text" role="alert">
                  {errorMessage(unsubscribe.error)}
                </p>
              )}
            </>
          ) : (
            <p role="status">
              <span aria-hidden="true">✓ </span>
              {info.data.email} gets no more {info.data.label.toLowerCase()} from Keyline. Changed your mind? Turn them
              back on in <Link to="/profile">your notification settings</Link>.
            </p>
          ))}
      </div>
    </main>
  );
}
