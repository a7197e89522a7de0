import { useState, type FormEvent } from 'react';
import type { CreatedScimToken, SsoSettings } from '@keyline/shared';
import { useNotify } from '../../../components/Notifier';
import { formatDateTime, formatDay } from '../../../lib/format';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/errors';
import { useCreateScimToken, useScimTokens, useSsoSettings } from '../api/sso.api';
import { ScimTokenRow } from './ScimTokenRow';
import './sso.css';

/**
 * Settings → Single sign-on: how sign-in is set up (from the environment,
 * read-only here) and the SCIM tokens identity providers provision with.
 */
export function SingleSignOnSection() {
  const settings = useSsoSettings();
  return (
    <section aria-labelledby="sso-title">
      <h2 id="sso-title">Single sign-on</h2>
      {settings.isPending && <p role="status">Loading…</p>}
      {settings.isError && (
        <LoadError what="single sign-on" error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.data && <SignInSetup settings={settings.data} />}
      {settings.data && <ScimTokens baseUrl={settings.data.scimBaseUrl} />}
    </section>
  );
}

const PASSWORD_SIGN_IN = {
  on: 'Everyone may also sign in with a password',
  admins: 'Only admins may sign in with a password (break-glass)',
  off: 'Nobody signs in with a password',
} as const;

function SignInSetup({ settings }: { settings: SsoSettings }) {
  const { oidc } = settings;
  if (!oidc) {
    return (
      <p className="tk-intro">
        Single sign-on is off: people sign in with a password. To sign in through Okta, Entra ID, Google or Keycloak,
        set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code>, <code>OIDC_CLIENT_SECRET</code> and{' '}
        <code>PUBLIC_URL</code> and restart Keyline (docs/SSO.md has each provider step by step).
      </p>
    );
  }
  const rows: [string, string][] = [
    ['Provider', `${oidc.providerName} (${oidc.issuer})`],
    ['Client ID', oidc.clientId],
    ['Redirect URI (register it at the provider)', oidc.redirectUri],
    ['Sign-out redirect URI', oidc.postLogoutRedirectUri],
    ['Scopes', oidc.scopes],
    ['E-mail domains allowed', oidc.allowedDomains.length ? oidc.allowedDomains.join(', ') : 'Any verified e-mail'],
    ['Role of new people', oidc.defaultRole],
    [
      'Roles from groups',
      oidc.rolesClaim
        ? `${oidc.rolesClaim} claim: ${oidc.roleMap.map((r) => `${r.group} → ${r.role}`).join(', ') || 'no group mapped'}`
        : 'Not managed by the provider',
    ],
    ['Password sign-in', PASSWORD_SIGN_IN[settings.passwordSignIn]],
  ];
  return (
    <>
      <p className="tk-intro">
        People sign in through {oidc.providerName}. These settings come from Keyline's environment; change them there
        and restart.
      </p>
      <dl className="sso-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function ScimTokens({ baseUrl }: { baseUrl: string }) {
  const tokens = useScimTokens();
  const create = useCreateScimToken();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedScimToken | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
          notify({ kind: 'success', message: `SCIM token “${token.name}” created` });
        },
      },
    );
  };

  return (
    <section aria-labelledby="scim-title">
      <h3 id="scim-title">Provisioning (SCIM)</h3>
      <p className="tk-intro">
        Your identity provider creates, updates and deactivates people here on its own. Give it the base URL{' '}
        <code>{baseUrl}</code> and a token generated below. Deactivating someone there ends their Keyline sessions and
        API tokens at once.
      </p>
      {created ? (
        <div className="st-password tk-created" role="region" aria-labelledby="scim-created-title">
          <h4 id="scim-created-title">
            <span aria-hidden="true">✓ </span>Token “{created.name}” created
          </h4>
          <p>
            <strong>Copy it now: you won't see it again.</strong> Keyline keeps only a hash of it.
          </p>
          <div className="st-password-row">
            <label htmlFor="scim-created-value" className="sr-only">
              SCIM token {created.name}
            </label>
            <input
              id="scim-created-value"
              className="st-password-value"
              readOnly
              value={created.token}
              onFocus={(e) => e.target.select()}
              data-testid="created-scim-token"
            />
            <button type="button" className="button" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="st-form" onSubmit={submit} aria-labelledby="scim-new-title">
          <h4 id="scim-new-title" className="sr-only">
            New SCIM token
          </h4>
          <label className="field">
            <span>Token name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Okta provisioning"
              maxLength={100}
              required
            />
          </label>
          <button type="submit" className="button primary" disabled={create.isPending || !name.trim()}>
            Generate SCIM token
          </button>
          {create.isError && (
            <p role="alert" className="error-text">
              Couldn't create it: {errorMessage(create.error)}
            </p>
          )}
        </form>
      )}
      {tokens.isError && <LoadError what="SCIM tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.length === 0 && <p>No SCIM tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="st-table">
          <caption className="sr-only">SCIM tokens and their status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <ScimTokenRow
                key={token.id}
                token={token}
                created={formatDay(token.createdAt)}
                lastUsed={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
