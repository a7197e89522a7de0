import { describe, expect, it } from 'vitest';
import { shareLinkInput, shareUrl } from './share-link-form';

const now = new Date('2026-11-27T09:00:00');

describe('share link form', () => {
  it('sends no expiry when none is picked, and the end of the picked day (local time) when one is', () => {
    expect(shareLinkInput('Board review', '', now)).toEqual({
      ok: true,
      data: { name: 'Board review', expiresAt: null },
    });
    const result = shareLinkInput('Board review', '2026-12-31', now);
    expect(result.ok && new Date(result.data.expiresAt as string).getTime()).toBe(
      new Date('2026-12-31T23:59:59.999').getTime(),
    );
  });

  it('refuses a past day and a blank name with the form’s words', () => {
    expect(shareLinkInput('Board', '2026-11-26', now)).toEqual({
      ok: false,
      errors: { expiresAt: 'Pick a day from today on' },
    });
    expect(shareLinkInput('   ', '', now)).toEqual({ ok: false, errors: { name: 'Required' } });
  });

  it('builds the full address, keeping the team the creator looked at', () => {
    expect(shareUrl('https://okr.example.com', '/shared/abc', null)).toBe('https://okr.example.com/shared/abc');
    expect(shareUrl('https://okr.example.com', '/shared/abc', 't1')).toBe('https://okr.example.com/shared/abc?team=t1');
  });
});
