import { CreateShareLinkSchema, type ShareLinkStatus } from '@keyline/shared';
import { validateWith, type Validation } from '../../../lib/form-validation';

/**
 * The form's fields as the API wants them: an expiry day becomes the end of
 * that day in the creator's own time zone ("until 31 Dec" means all of it),
 * then the shared schema judges the result.
 */
export function shareLinkInput(
  name: string,
  expiresOn: string,
  now = new Date(),
): Validation<{ name: string; expiresAt: string | null }> {
  let expiresAt: string | null = null;
  if (expiresOn) {
    const end = new Date(`${expiresOn}T23:59:59.999`);
    if (Number.isNaN(end.getTime())) return { ok: false, errors: { expiresAt: 'Pick a date' } };
    if (end.getTime() <= now.getTime()) return { ok: false, errors: { expiresAt: 'Pick a day from today on' } };
    expiresAt = end.toISOString();
  }
  return validateWith(CreateShareLinkSchema, { name, expiresAt });
}

/** The full address to hand out; `?team=` keeps the team the creator was looking at. */
export function shareUrl(origin: string, path: string, teamId: string | null): string {
  const url = new URL(path, origin);
  if (teamId) url.searchParams.set('team', teamId);
  return url.toString();
}

export const LINK_STATUS: Record<ShareLinkStatus, { icon: string; label: string }> = {
  active: { icon: '●', label: 'Active' },
  expired: { icon: '○', label: 'Expired' },
  revoked: { icon: '✕', label: 'Revoked' },
};
