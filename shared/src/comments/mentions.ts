/**
 * `@name` mentions and links in a comment's plain text. Pure: the server
 * resolves mentions with it when a comment is written, the client renders
 * the same segments it stored.
 */
export interface MentionCandidate {
  id: string;
  name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** True where an `@` can start a mention: at the start or after a non-word character (not inside an e-mail address). */
function opensMention(text: string, at: number): boolean {
  return text[at] === '@' && (at === 0 || !WORD.test(text[at - 1]!));
}

/** The member whose name follows the `@` at `at`, longest name first; the name must end at a word boundary. */
function memberAt(text: string, at: number, byLength: readonly MentionCandidate[]): MentionCandidate[] {
  const rest = text.slice(at + 1).toLowerCase();
  for (const member of byLength) {
    const name = member.name.toLowerCase();
    if (!name || !rest.startsWith(name)) continue;
    const after = rest[name.length];
    if (after !== undefined && WORD.test(after)) continue;
    // Everyone of that exact name is named: the text cannot tell them apart.
    return byLength.filter((m) => m.name.toLowerCase() === name);
  }
  return [];
}

function sortedByLength(members: readonly MentionCandidate[]): MentionCandidate[] {
  return [...members].filter((m) => m.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
}

/** The members a text mentions, in order of first mention, each once. */
export function findMentions(text: string, members: readonly MentionCandidate[]): MentionCandidate[] {
  const byLength = sortedByLength(members);
  const found = new Map<string, MentionCandidate>();
  for (let i = 0; i < text.length; i++) {
    if (!opensMention(text, i)) continue;
    for (const member of memberAt(text, i, byLength)) if (!found.has(member.id)) found.set(member.id, member);
  }
  return [...found.values()];
}

export type CommentSegment =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; href: string }
  | { type: 'mention'; text: string; userId: string };

const LINK = /https?:\/\/[^\s<>"]+/giy;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]'"]+$/;

/**
 * The text cut into plain text, links (http and https only) and mentions of
 * the given members (those the server resolved), for rendering without HTML.
 */
export function commentSegments(text: string, mentions: readonly MentionCandidate[]): CommentSegment[] {
  const byLength = sortedByLength(mentions);
  const segments: CommentSegment[] = [];
  let plain = '';
  const flush = () => {
    if (plain) segments.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    if (opensMention(text, i)) {
      const [member] = memberAt(text, i, byLength);
      if (member) {
        flush();
        const length = member.name.length + 1;
        segments.push({ type: 'mention', text: text.slice(i, i + length), userId: member.id });
        i += length;
        continue;
      }
    }
    if ((text[i] === 'h' || text[i] === 'H') && (i === 0 || !WORD.test(text[i - 1]!))) {
      LINK.lastIndex = i;
      const match = LINK.exec(text);
      if (match) {
        const href = match[0].replace(TRAILING, '');
        if (href.length > 'https://'.length) {
          flush();
          segments.push({ type: 'link', text: href, href });
          i += href.length;
          continue;
        }
      }
    }
    plain += text[i];
    i++;
  }
  flush();
  return segments;
}
