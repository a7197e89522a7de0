import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/app-error';
import { COMMON_PASSWORDS } from './common-passwords';

// @node-rs/argon2 defaults to Argon2id (19 MiB, t=2, p=1: the OWASP baseline).
export const hashPassword = (password: string): Promise<string> => hash(password);

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
