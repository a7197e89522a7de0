import type { KeyResult, Objective } from '@keyline/shared';

export interface KrOption {
  id: string;
  title: string;
  objectiveTitle: string;
}

/** Key results as picker options, each with its objective's title for context. */
export function toKrOptions(keyResults: readonly KeyResult[], objectives: readonly Objective[]): KrOption[] {
  const objectiveTitle = new Map(objectives.map((o) => [o.id, o.title]));
  return keyResults.map((kr) => ({
    id: kr.id,
    title: kr.title,
    objectiveTitle: objectiveTitle.get(kr.objectiveId) ?? '',
  }));
}

/**
 * Type-to-search for the KR picker: every word typed must appear in the KR's
 * title or its objective's title, in any order, ignoring case. Title matches
 * come first.
 */
export function searchKrOptions(options: readonly KrOption[], query: string): KrOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return options.slice();
  const hits = options.filter((o) => {
    const text = `${o.title} ${o.objectiveTitle}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const inTitle = (o: KrOption) => words.every((w) => o.title.toLowerCase().includes(w));
  return [...hits.filter(inTitle), ...hits.filter((o) => !inTitle(o))];
}
