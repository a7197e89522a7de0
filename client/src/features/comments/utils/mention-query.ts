/** The `@word` being typed just before the caret, if any: where it starts and what follows the `@`. */
export interface MentionQuery {
  start: number;
  query: string;
}

const MAX_QUERY = 40;

/**
 * What the mention picker should search for: the text from an `@` that
 * starts a word up to the caret, with no line break in between. Names have
 * spaces ("Ana Ruiz"), so a space does not end the query; the picker closes
 * when nothing matches.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && /[\p{L}\p{N}_]/u.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** Members whose name starts with the query, or has a word that does; best matches first, at most `limit`. */
export function matchMembers<T extends { name: string }>(members: readonly T[], query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  const starts = members.filter((m) => m.name.toLowerCase().startsWith(q));
  const words = members.filter(
    (m) =>
      !starts.includes(m) &&
      m.name
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(q)),
  );
  return [...starts, ...words].slice(0, limit);
}

/** The text with the query replaced by `@Name ` and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, name: string, caret: number) {
  const inserted = `@${name} `;
  const next = text.slice(0, mention.start) + inserted + text.slice(caret).replace(/^ /, '');
  return { text: next, caret: mention.start + inserted.length };
}
