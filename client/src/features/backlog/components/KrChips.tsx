import type { ItemLink } from '@keyline/shared';
import type { ReferenceData } from '../hooks/useReferenceData';

/** "●●○": strength as a shape; the words are in the accessible name. */
export function strengthDots(strength: number): string {
  return '●'.repeat(strength) + '○'.repeat(Math.max(0, 3 - strength));
}

export function krName(keyResultId: string, ref: ReferenceData): { title: string; current: boolean } {
  const kr = ref.keyResultById.get(keyResultId);
  if (!kr) return { title: 'Deleted key result', current: false };
  const current = kr.cycleId === ref.activeCycle?.id;
  const cycle = ref.cycleById.get(kr.cycleId);
  return { title: current || !cycle ? kr.title : `${cycle.name}: ${kr.title}`, current };
}

const MAX_CHIPS = 2;

/**
 * An item's KR links as chips, or a "No KR" marker when it serves no key
 * result. Links to other quarters' or deleted KRs are shown muted: they do
 * not count as alignment now.
 */
export function KrChips({
  links,
  reference,
  itemTitle,
  onTag,
  tabIndex,
}: {
  links: readonly ItemLink[];
  reference: ReferenceData;
  itemTitle: string;
  /** Absent for viewers: no Tag button. */
  onTag?: () => void;
  tabIndex: number;
}) {
  const shown = links.slice(0, MAX_CHIPS);
  const hidden = links.slice(MAX_CHIPS);
  const names = links.map((l) => krName(l.keyResultId, reference));
  return (
    <span className="bl-chips">
      {links.length === 0 && (
        <span className="bl-nokr">
          <span aria-hidden="true">!</span> No KR
        </span>
      )}
      {shown.map((link, i) => {
        const name = names[i] as { title: string; current: boolean };
        const words = `${name.title}, strength ${link.strength} of 3${name.current ? '' : ', not in the active quarter'}`;
        return (
          <span key={link.keyResultId} className={`bl-chip${name.current ? '' : ' bl-chip-muted'}`} title={words}>
            <span className="bl-chip-text" aria-hidden="true">
              {name.title}
            </span>
            <span className="bl-chip-strength" aria-hidden="true">
              {strengthDots(link.strength)}
            </span>
            <span className="sr-only">{words}</span>
          </span>
        );
      })}
      {hidden.length > 0 && (
        <span
          className="bl-chip bl-chip-more"
          title={names
            .slice(MAX_CHIPS)
            .map((n) => n.title)
            .join('\n')}
        >
          +{hidden.length}
          <span className="sr-only">
            {' '}
            more:{' '}
            {names
              .slice(MAX_CHIPS)
              .map((n) => n.title)
              .join(', ')}
          </span>
        </span>
      )}
      {onTag && (
        <button
          type="button"
          className="bl-tag-button"
          tabIndex={tabIndex}
          onClick={onTag}
          aria-label={`Tag "${itemTitle}" to a key result`}
          title="Tag to a key result (T)"
        >
          {links.length === 0 ? 'Tag' : '+'}
        </button>
      )}
    </span>
  );
}
