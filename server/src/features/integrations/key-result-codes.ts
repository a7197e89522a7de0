import { randomInt } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { KeyResultEntity } from '../key-results/key-result.entity';

/** Unambiguous letters and digits (no 0/o, 1/l/i): read aloud and typed into a JQL without mistakes. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 4 characters: 923,521 codes, far more key results than any organisation writes. */
export function randomKeyResultCode(): string {
  let code = '';
  for (let i = 0; i < 4; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code no key result has yet, inside the caller's transaction. */
export async function freshKeyResultCode(m: EntityManager): Promise<string> {
  for (;;) {
    const code = randomKeyResultCode();
    if (!(await m.existsBy(KeyResultEntity, { code }))) return code;
  }
}

/** Gives every listed key result without a code one; answers id → code for all of them. */
export async function ensureKeyResultCodes(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await m.find(KeyResultEntity, {
      where: { id: In(ids.slice(i, i + 1000)) },
      select: { id: true, code: true },
    });
    for (const row of rows) {
      if (row.code) codes.set(row.id, row.code);
      else {
        const code = await freshKeyResultCode(m);
        await m.update(KeyResultEntity, { id: row.id, code: IsNull() }, { code });
        codes.set(row.id, code);
      }
    }
  }
  return codes;
}
