import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { AppError } from '../http/app-error';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * Argon2id with the OWASP Password Storage Cheat Sheet's baseline: 19 MiB
 * of memory, 2 passes, 1 lane. Written out rather than left to the
 * library's defaults, so an upgrade of the library cannot weaken it silently,
 * and so hashes made with anything weaker are recognised and upgraded.
 */
export const ARGON2_OPTIONS = {
  // The enum is declared `const` (not usable with isolatedModules); 2 is Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

/**
 * Whether a stored hash was made with other parameters than today's (an
 * older release, a restored backup, another algorithm): after a successful
 * sign-in, the password is hashed again with ARGON2_OPTIONS.
 */
export function needsRehash(passwordHash: string): boolean {
  try {
    const p = parseOptions(passwordHash);
    return (
      p.algorithm !== ARGON2_OPTIONS.algorithm ||
      p.memoryCost !== ARGON2_OPTIONS.memoryCost ||
      p.timeCost !== ARGON2_OPTIONS.timeCost ||
      p.parallelism !== ARGON2_OPTIONS.parallelism
    );
  } catch {
    return true; // not a hash this code understands: replace it while the password is at hand
  }
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

/** Length is checked by the schema; this refuses the passwords attackers try first. */
export function assertPasswordNotCommon(password: string, field = 'password'): void {
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', `${field}: This password is too common; choose another`, {
      issues: [{ path: [field], message: 'This password is too common; choose another' }],
    });
  }
}

/** A readable generated password for invitations: 4 groups of 5 characters, ~100 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
