import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretKeyBytes } from '../../config';
import { AppError } from '../../http/app-error';

const HOW_TO =
  'Set KEYLINE_SECRET_KEY to 32 random bytes in base64 (make one with: openssl rand -base64 32) and restart Keyline.';

/**
 * AES-256-GCM for tracker tokens and webhook secrets. Each value gets a fresh
 * 96-bit nonce; the connection id is bound in as associated data, so a
 * ciphertext copied onto another connection does not decrypt. Stored as
 * `v1.<nonce>.<tag>.<ciphertext>` (base64url).
 */
export class SecretBox {
  private readonly key: Buffer | null;

  constructor(keyText: string | undefined) {
    this.key = keyText ? secretKeyBytes(keyText) : null;
  }

  get configured(): boolean {
    return this.key !== null;
  }

  /** Refuses (400) when no key is configured: a secret is never stored in the clear. */
  seal(plain: string, boundTo: string): string {
    const key = this.requireKey();
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', nonce, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Null when it cannot be opened (another key, another connection, tampered). */
  open(sealed: string, boundTo: string): string | null {
    if (!this.key) return null;
    const [version, nonce, tag, body] = sealed.split('.');
    if (version !== 'v1' || nonce === undefined || tag === undefined || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  requireKey(): Buffer {
    if (!this.key) {
      throw new AppError('SECRET_KEY_MISSING', `Keyline has no key to encrypt tracker tokens with. ${HOW_TO}`);
    }
    return this.key;
  }
}
