import { useState, type FormEvent } from 'react';
import { useSignInOptions } from '../sso/api/sso.api';
import { SsoSignIn } from '../sso/components/SsoSignIn';
import { useSignIn } from './useSession';

/**
 * `onSignInStarted` runs when someone starts typing or submits: the app uses
 * it to fetch the signed-in screens' code while the password is typed, since
 * the sign-in screen itself loads only its own.
 */
export function SignInPage({ onSignInStarted }: { onSignInStarted?: () => void }) {
  const signIn = useSignIn();
  const options = useSignInOptions().data;
  const sso = Boolean(options?.sso);
  const passwords = options?.passwordSignIn !== 'off';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSignInStarted?.();
    signIn.mutate({ email, password });
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} onInput={onSignInStarted} aria-labelledby="signin-title">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">◆</span> Keyline
        </div>
        <h1 id="signin-title">Sign in</h1>
        <p className="meta">Your backlog, aligned with this quarter's OKRs.</p>
        <SsoSignIn options={options} />
        {passwords && (
          <>
            <label className="field">
              <span>Email</span>
              <input
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoFocus={!sso}
              />
            </label>
            <label className="field">
              <span>Password</span>
              <input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            {signIn.error && (
              <p role="alert" className="error-text">
                {signIn.error.message}
              </p>
            )}
            <button type="submit" className={sso ? 'button' : 'button primary'} disabled={signIn.isPending}>
              {signIn.isPending ? 'Signing in…' : sso ? 'Sign in with password' : 'Sign in'}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
