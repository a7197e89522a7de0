import type { BacklogRow } from '@keyline/shared';

import type { ReferenceData } from '../hooks/useReferenceData';
import { STRENGTH_LABELS } from '../utils/labels';
import { krName, strengthDots } from './KrChips';

/** An item's KR links: strength to change, a link to remove, a Tag button. */
export function ItemLinks({
  item,
  reference,
  canEdit,
  onStrength,
  onRemove,
  onTag,
}: {
  item: BacklogRow;
  reference: ReferenceData;
  canEdit: boolean;
  onStrength: (keyResultId: string, strength: number) => void;
  onRemove: (keyResultId: string, title: string) => void;
  onTag: () => void;
}) {
  return (
    <section className="bl-panel-section" aria-labelledby="bl-links-title">
      <h3 id="bl-links-title">Key results</h3>
      {item.links.length === 0 ? (
        <p className="bl-nokr-text">
          <span aria-hidden="true">! </span>Not linked to any key result: this work serves no goal of the quarter yet.
        </p>
      ) : (
        <ul className="bl-links">
          {item.links.map((link) => {
            const name = krName(link.keyResultId, reference);
            return (
              <li key={link.keyResultId} className={name.current ? '' : 'bl-link-muted'}>
                <span className="bl-link-title">
                  {name.title}
                  {!name.current && <span className="meta"> (not in the active quarter)</span>}
                </span>
                {canEdit ? (
                  <>
                    <select
                      aria-label={`Strength of the link to ${name.title}`}
                      value={link.strength}
                      onChange={(e) => onStrength(link.keyResultId, Number(e.target.value))}
                    >
                      {([1, 2, 3] as const).map((s) => (
                        <option key={s} value={s}>
                          {s} · {STRENGTH_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button ghost"
                      aria-label={`Remove the link to ${name.title}`}
                      onClick={() => onRemove(link.keyResultId, name.title)}
                    >
                      Remove
                    </button>
                  </>
                ) : (
                  <span>
                    <span aria-hidden="true">{strengthDots(link.strength)} </span>
                    {STRENGTH_LABELS[link.strength as 1 | 2 | 3] ?? `Strength ${link.strength}`}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <button type="button" className="button" onClick={onTag}>
          Tag to a key result
        </button>
      )}
    </section>
  );
}
