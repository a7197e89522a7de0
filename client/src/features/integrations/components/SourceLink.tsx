import { CONNECTION_KIND_LABEL, type ItemSource } from '@keyline/shared';
import './source-link.css';

/**
 * "from Jira ABC-123", linking to the issue. `compact` (backlog rows) shows
 * just the tracker's name and keeps the full words for screen readers and
 * the tooltip.
 */
export function SourceLink({
  source,
  compact = false,
  tabIndex,
}: {
  source: ItemSource;
  compact?: boolean;
  tabIndex?: number;
}) {
  const words = `from ${CONNECTION_KIND_LABEL[source.kind]} ${source.key}`;
  return (
    <a
      className={compact ? 'ig-source ig-source-compact' : 'ig-source'}
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      title={`${words} (opens ${CONNECTION_KIND_LABEL[source.kind]})`}
      aria-label={compact ? words : undefined}
      tabIndex={tabIndex}
      onClick={(e) => e.stopPropagation()}
    >
      {compact ? CONNECTION_KIND_LABEL[source.kind] : words}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

/** Whether the tracker owns this field of the item (read-only in Keyline). */
export function trackerOwns(item: { source?: ItemSource | null }, field: string): boolean {
  return item.source?.ownedFields.includes(field) ?? false;
}
