import { describe, expect, it } from 'vitest';
import { apiTokenInput, curlExample, tokenStatus } from './api-token-form';

const now = new Date('2026-11-27T09:00:00');

describe('API token form', () => {
  it('sends no expiry when none is picked, and the end of the picked day (local time) when one is', () => {
    expect(apiTokenInput('Nightly export', 'write', '', now)).toEqual({
      ok: true,
      data: { name: 'Nightly export', scope: 'write', expiresAt: null },
    });
    const result = apiTokenInput('Nightly export', 'read', '2026-12-31', now);
    expect(result.ok && new Date(result.data.expiresAt as string).getTime()).toBe(
      new Date('2026-12-31T23:59:59.999').getTime(),
    );
  });

  it('refuses a past day and a blank name in words', () => {
    expect(apiTokenInput('Export', 'read', '2026-11-26', now)).toEqual({
      ok: false,
      errors: { expiresAt: 'Pick a day from today on' },
    });
    expect(apiTokenInput('  ', 'read', '', now)).toEqual({
      ok: false,
      errors: { name: 'Type a name, e.g. “Nightly export”' },
    });
  });

  it('reads revoked before expired, and expired only once the moment has passed', () => {
    const past = '2026-11-01T00:00:00Z';
    const future = '2027-01-01T00:00:00Z';
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: future }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: past }, now)).toBe('expired');
    expect(tokenStatus({ revokedAt: past, expiresAt: past }, now)).toBe('revoked');
  });

  it('shows a curl line against this installation', () => {
    expect(curlExample('https://okr.example.com', 'kl_abc')).toBe(
      'curl -H "Authorization: Bearer kl_abc" https://okr.example.com/api/backlog-items',
    );
  });
});
