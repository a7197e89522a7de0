import { useId, useState } from 'react';
import { useSuggestedLinks } from '../hooks/useAlignmentQueries';

export interface KeyResultOption {
  id: string;
  title: string;
}

/**
 * Tag an item to a key result: the suggested KRs (BM25 over the workspace's
 * own text) are one click each; any other KR of the active cycle is a pick away.
 */
export function TagSuggestions({
  itemId,
  itemTitle,
  keyResults,
  busy,
  onTag,
}: {
  itemId: string;
  itemTitle: string;
  keyResults: readonly KeyResultOption[];
  busy: boolean;
  onTag: (kr: KeyResultOption) => void;
}) {
  const selectId = useId();
  const suggestions = useSuggestedLinks(itemId);
  const [other, setOther] = useState('');
  const chosen = keyResults.find((kr) => kr.id === other);
  // Three is enough to choose from at a glance; the picker has the rest.
  const shown = suggestions.data?.slice(0, 3) ?? [];
  return (
    <div className="tag-fix">
      {suggestions.isPending && <p className="meta">Finding key results that match…</p>}
      {suggestions.isError && <p className="meta">Couldn't load suggestions; pick a key result below.</p>}
      {shown.length > 0 && (
        <ul className="suggestions" aria-label={`Suggested key results for ${itemTitle}`}>
          {shown.map((s) => (
            <li key={s.keyResultId}>
              <button
                type="button"
                className="button suggestion"
                disabled={busy}
                aria-label={`Tag to ${s.title}`}
                onClick={() => onTag({ id: s.keyResultId, title: s.title })}
              >
                <span aria-hidden="true">+</span> {s.title}
              </button>
              <span className="meta suggestion-why" title={s.objectiveTitle}>
                {s.matched.length > 0 ? `matches “${s.matched.slice(0, 3).join('”, “')}”` : s.objectiveTitle}
              </span>
            </li>
          ))}
        </ul>
      )}
      {suggestions.data && suggestions.data.length === 0 && (
        <p className="meta">No key result shares words with this item.</p>
      )}
      {keyResults.length > 0 && (
        <div className="other-kr">
          <label htmlFor={selectId}>Other key result</label>
          <select
            id={selectId}
            value={other}
            onChange={(e) => setOther(e.target.value)}
            aria-label={`Other key result for ${itemTitle}`}
          >
            <option value="">Choose…</option>
            {keyResults.map((kr) => (
              <option key={kr.id} value={kr.id}>
                {kr.title}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!chosen || busy} onClick={() => chosen && onTag(chosen)}>
            Tag
          </button>
        </div>
      )}
    </div>
  );
}
