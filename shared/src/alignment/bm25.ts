/**
 * Suggested key-result links, computed locally: BM25 over the workspace's
 * own text. Each KR is a document (its title, its objective's title and
 * description); the query is the backlog item's title, description and
 * labels. No external service, no model: the same input always ranks the
 * same way.
 */

export interface SuggestionDocument {
  id: string;
  text: string;
}

export interface Suggestion {
  id: string;
  /** BM25 score, > 0; higher is more similar. */
  score: number;
  /** The query words that matched, for "why this suggestion". */
  matched: string[];
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our that the their this to was we with will per more less new our your'.split(
    ' ',
  ),
);

/** Lower-case word stems: split on non-letters, drop stop words, crude plural/suffix folding. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'es', 's', 'ed']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) {
      return suffix === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
    }
  }
  return word;
}

const K1 = 1.2;
const B = 0.75;

export interface Bm25Index {
  rank(query: string, limit: number): Suggestion[];
}

export function buildBm25Index(documents: readonly SuggestionDocument[]): Bm25Index {
  const docs = documents.map((d) => {
    const terms = tokenize(d.text);
    const freq = new Map<string, number>();
    for (const t of terms) freq.set(t, (freq.get(t) ?? 0) + 1);
    return { id: d.id, length: terms.length, freq };
  });
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  const docFreq = new Map<string, number>();
  for (const d of docs) for (const t of d.freq.keys()) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  const idf = (t: string) => {
    const n = docFreq.get(t) ?? 0;
    // The "+1" variant keeps idf positive even for words in most documents.
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };

  return {
    rank(query, limit) {
      const queryTerms = [...new Set(tokenize(query))];
      const results: Suggestion[] = [];
      for (const d of docs) {
        let score = 0;
        const matched: string[] = [];
        for (const t of queryTerms) {
          const f = d.freq.get(t);
          if (!f) continue;
          matched.push(t);
          score += (idf(t) * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * d.length) / (avgLength || 1)));
        }
        if (score > 0) results.push({ id: d.id, score: Math.round(score * 1000) / 1000, matched });
      }
      return results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
    },
  };
}
