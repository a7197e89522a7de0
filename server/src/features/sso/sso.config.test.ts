import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { safeReturnTo } from './oidc.service';
import { passwordSignInAllowed } from './sso.config';

const sso = {
  OIDC_ISSUER: 'https://acme.okta.com',
  OIDC_CLIENT_ID: 'keyline',
  PUBLIC_URL: 'https://keyline.acme.com/',
};

describe('single sign-on configuration', () => {
  it('is off by default and accepts a complete set-up', () => {
    expect(loadConfig({}).OIDC_ISSUER).toBeUndefined();
    const config = loadConfig({ ...sso, PASSWORD_SIGN_IN: 'admins', OIDC_ROLE_MAP: 'a=admin' });
    expect(config.PUBLIC_URL).toBe('https://keyline.acme.com');
    expect(config.OIDC_SCOPES).toBe('openid email profile');
    expect(config.OIDC_DEFAULT_ROLE).toBe('viewer');
  });

  it('stops the start with a message naming what is missing or wrong', () => {
    expect(() => loadConfig({ OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID: required[\s\S]*PUBLIC_URL: required/,
    );
    expect(() => loadConfig({ PASSWORD_SIGN_IN: 'off' })).toThrow(/PASSWORD_SIGN_IN: 'off' needs OIDC_ISSUER/);
    expect(() => loadConfig({ ...sso, OIDC_ROLE_MAP: 'product=boss' })).toThrow(/OIDC_ROLE_MAP: 'product=boss'/);
    expect(() => loadConfig({ ...sso, OIDC_SCOPES: 'email profile' })).toThrow(/OIDC_SCOPES: must include openid/);
    expect(() => loadConfig({ ...sso, OIDC_ALLOWED_DOMAINS: 'acme.com, not a domain' })).toThrow(
      /OIDC_ALLOWED_DOMAINS: 'not a domain'/,
    );
    expect(() => loadConfig({ ...sso, PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
  });

  it('keeps a break-glass password sign-in for admins only with PASSWORD_SIGN_IN=admins', () => {
    expect(passwordSignInAllowed({ PASSWORD_SIGN_IN: 'on' }, 'viewer')).toBe(true);
    expect(passwordSignInAllowed({ PASSWORD_SIGN_IN: 'admins' }, 'admin')).toBe(true);
    expect(passwordSignInAllowed({ PASSWORD_SIGN_IN: 'admins' }, 'editor')).toBe(false);
    expect(passwordSignInAllowed({ PASSWORD_SIGN_IN: 'off' }, 'admin')).toBe(false);
  });
});

describe('returnTo after sign-in', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnTo('/backlog?team=a#top')).toBe('/backlog?team=a#top');
    expect(safeReturnTo('/okrs/123')).toBe('/okrs/123');
  });

  it('turns anything that could leave the site into /backlog', () => {
    for (const bad of [
      'https://evil.test/',
      '//evil.test',
      '/\\evil.test',
      'javascript:alert(1)',
      '/ok\nLocation: x',
      '/api/auth/logout',
      'backlog',
      '',
      undefined,
      42,
      `/${'a'.repeat(600)}`,
    ]) {
      expect(safeReturnTo(bad), String(bad)).toBe('/backlog');
    }
  });
});
