import { expect } from 'vitest';
import type { ApiResponse } from './api-client';

/** What must never reach a client: stack frames, file paths, SQL, driver names. */
const LEAKS =
  /\bat [\w.<>]+ \(|\.(ts|js):\d+|node_modules|\/work\/|\bstack\b|\bSELECT\b|\bINSERT\b|\bUPDATE\b.+\bSET\b|\bDELETE FROM\b|\bWHERE\b|SQLITE|QueryFailedError|TypeORM|better-sqlite3|relation "|duplicate key|violates/i;

/**
 * An error answer as the API promises it: `{ error: { code, message, issues?, current? } }`,
 * with nothing in it that tells an attacker how the server is built.
 */
export function expectCleanError(res: ApiResponse, status: number, code?: string): void {
  const where = `${status} ${code ?? ''} got ${res.status} ${JSON.stringify(res.body)}`;
  expect(res.status, where).toBe(status);
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/json/);
  expect(Object.keys(res.body ?? {}), where).toEqual(['error']);
  const { error } = res.body;
  expect(typeof error.code, where).toBe('string');
  expect(typeof error.message, where).toBe('string');
  if (code) expect(error.code, where).toBe(code);
  for (const key of Object.keys(error)) expect(['code', 'message', 'issues', 'current'], where).toContain(key);
  const text = JSON.stringify({ code: error.code, message: error.message, issues: error.issues });
  expect(text, where).not.toMatch(LEAKS);
}

/** A SCIM error answer as RFC 7644 §3.12 shapes it, with the same rule on leaks. */
export function expectCleanScimError(res: ApiResponse, status: number): void {
  const where = `${status} got ${res.status} ${JSON.stringify(res.body)}`;
  expect(res.status, where).toBe(status);
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/scim\+json/);
  expect(res.body?.schemas, where).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  expect(res.body?.status, where).toBe(String(status));
  expect(typeof res.body?.detail, where).toBe('string');
  for (const key of Object.keys(res.body)) expect(['schemas', 'status', 'scimType', 'detail'], where).toContain(key);
  expect(JSON.stringify({ scimType: res.body.scimType, detail: res.body.detail }), where).not.toMatch(LEAKS);
}
