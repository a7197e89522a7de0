/**
 * A key result with no work behind it links to the untagged backlog searched
 * for a word of its title: the items most likely to serve it. The backlog
 * search is a substring match, so the singular ("ticket") also finds plurals.
 */
const STOP_WORDS = new Set(
  'about above after also below from have into less more most over than that their them then this those under until what when with without your'.split(
    ' ',
  ),
);

/** Candidate search words from a KR title, longest (most specific) first. */
export function searchWordsFor(title: string): string[] {
  const candidates: string[] = [];
  for (const raw of title.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 4 || /\d/.test(raw) || STOP_WORDS.has(raw)) continue;
    const word = raw.length > 4 && raw.endsWith('s') && !/(ss|ies)$/.test(raw) ? raw.slice(0, -1) : raw;
    if (!candidates.includes(word)) candidates.push(word);
  }
  return candidates.sort((a, b) => b.length - a.length).slice(0, 3);
}

/** The backlog view's URL (see features/backlog/utils/view.ts): untagged items, optionally searched. */
export function unlinkedBacklogHref(word: string | null): string {
  const params = new URLSearchParams({ unlinked: 'true' });
  if (word) params.set('q', word);
  return `/backlog?${params.toString()}`;
}
