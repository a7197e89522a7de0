import type { z } from 'zod';

/**
 * What a handler's answer says beyond (or against) its declared response
 * schema, as readable paths: `items[3].email: not in the schema`. Checked on
 * the JSON that would go over the wire. Empty when the answer is exactly
 * the promised shape. A field added to a DTO but not to its shared schema
 * (a dashboard figure, an audit entry's column) shows up here before it
 * can leak.
 */
export function responseProblems(schema: z.ZodType, result: unknown, limit = 5): string[] {
  const sent: unknown = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  const parsed = schema.safeParse(sent);
  if (!parsed.success) {
    return parsed.error.issues.slice(0, limit).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  }
  const problems: string[] = [];
  collectUndeclared(sent, parsed.data, '', problems, limit);
  return problems;
}

/** Keys of `sent` that parsing dropped (zod objects strip what they do not declare). */
function collectUndeclared(sent: unknown, kept: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(sent) && Array.isArray(kept)) {
    sent.forEach((value, i) => collectUndeclared(value, kept[i], `${path}[${i}]`, out, limit));
    return;
  }
  if (isRecord(sent) && isRecord(kept)) {
    for (const key of Object.keys(sent)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in kept)) out.push(`${at}: not in the schema`);
      else collectUndeclared(sent[key], kept[key], at, out, limit);
      if (out.length >= limit) return;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
