import { describe, expect, it } from 'vitest';
import { maskUrl, maskValues } from './log-redaction';

const token = 'Xk3_9fQ-2mZpL0aB7cD4eF6gH8iJ1kL3mN5oP7qR9sT';

describe('maskUrl', () => {
  it('masks share-link tokens in the page and API paths', () => {
    expect(maskUrl(`/shared/${token}`)).toBe('/shared/[redacted]');
    expect(maskUrl(`/api/shared/${token}/dashboard?teamId=abc`)).toBe('/api/shared/[redacted]/dashboard?teamId=abc');
    // Even a malformed one: whatever follows /shared/ is treated as the credential.
    expect(maskUrl('/api/shared/short/dashboard')).toBe('/api/shared/[redacted]/dashboard');
  });

  it('masks credential-named query values and token-like values, and keeps ordinary ones', () => {
    expect(maskUrl('/api/hooks/jira/1?secret=s3cr3t&x=1')).toBe('/api/hooks/jira/1?secret=[redacted]&x=1');
    expect(maskUrl('/api/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp')).toBe(
      '/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(maskUrl('/x?access_token=a&api-key=b&Token=c&keyResultId=d')).toBe(
      '/x?access_token=[redacted]&api-key=[redacted]&Token=[redacted]&keyResultId=d',
    );
    expect(maskUrl(`/x?anything=${token}`)).toBe('/x?anything=[redacted]');
    expect(maskUrl(`/x/${token}/y#frag`)).toBe('/x/[redacted]/y');
  });

  it('leaves ids and ordinary paths alone', () => {
    const id = '0b6f2a8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(maskUrl(`/api/key-results/${id}?limit=50`)).toBe(`/api/key-results/${id}?limit=50`);
    expect(maskUrl('/healthz')).toBe('/healthz');
    expect(maskUrl(undefined)).toBeUndefined();
  });
});

describe('maskValues', () => {
  it('masks the parsed query and params the same way', () => {
    expect(maskValues({ token, teamId: 'abc' })).toEqual({ token: '[redacted]', teamId: 'abc' });
    expect(maskValues({ secret: 'x', limit: '5', other: token })).toEqual({
      secret: '[redacted]',
      limit: '5',
      other: '[redacted]',
    });
    expect(maskValues(undefined)).toBeUndefined();
  });
});
