import { CreateApiTokenSchema, type ApiToken, type CreateApiTokenInput } from '@keyline/shared';

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';
export type TokenFormErrors = Partial<Record<'name' | 'scope' | 'expiresAt', string>>;
export type TokenFormResult = { ok: true; data: CreateApiTokenInput } | { ok: false; errors: TokenFormErrors };

/** Revoked wins over expired: it is the deliberate act. */
export function tokenStatus(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** Status as icon + word, never colour alone (docs/UI.md, "Visual system"). */
export const TOKEN_STATUS: Record<ApiTokenStatus, { icon: string; label: string }> = {
  active: { icon: '●', label: 'Active' },
  expired: { icon: '○', label: 'Expired' },
  revoked: { icon: '✕', label: 'Revoked' },
};

/**
 * The form's fields as the API wants them: an expiry day becomes the end of
 * that day in the creator's own time zone, then the shared schema judges it.
 */
export function apiTokenInput(
  name: string,
  scope: 'read' | 'write',
  expiresOn: string,
  now = new Date(),
): TokenFormResult {
  let expiresAt: string | null = null;
  if (expiresOn) {
    const end = new Date(`${expiresOn}T23:59:59.999`);
    if (Number.isNaN(end.getTime())) return { ok: false, errors: { expiresAt: 'Pick a date' } };
    if (end.getTime() <= now.getTime()) return { ok: false, errors: { expiresAt: 'Pick a day from today on' } };
    expiresAt = end.toISOString();
  }
  const parsed = CreateApiTokenSchema.safeParse({ name, scope, expiresAt });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: TokenFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof TokenFormErrors;
    errors[field] ??=
      field === 'name' && issue.message === 'Required' ? 'Type a name, e.g. “Nightly export”' : issue.message;
  }
  return { ok: false, errors };
}

/** The example shown with a new token: a read that any scope may make. */
export function curlExample(origin: string, token: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}/api/backlog-items`;
}
