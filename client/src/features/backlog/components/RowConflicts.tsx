import { ConflictNotice } from '../../../components/ConflictNotice';
import type { RowIssue } from '../hooks/useRowIssues';
import type { EstimateField } from '../utils/estimates';
import { formatEstimate } from '../utils/estimates';

type Conflict = Extract<RowIssue, { kind: 'conflict' }>;

const isEstimate = (field: string): field is EstimateField =>
  [
    'reach',
    'impact',
    'confidence',
    'effort',
    'businessValue',
    'timeCriticality',
    'riskReduction',
    'jobSize',
    'ease',
  ].includes(field);

function show(field: string, value: unknown): string {
  if (isEstimate(field)) return formatEstimate(field, (value as number | null) ?? null);
  if (Array.isArray(value)) return value.join(', ') || '—';
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** "Theirs 5 · yours 8" for the first field the user changed. */
export function describeConflict(conflict: Conflict, current: Record<string, unknown>): string {
  const [field] = Object.keys(conflict.patch);
  if (!field) return '';
  const patch = conflict.patch as Record<string, unknown>;
  return `${conflict.what[0]?.toUpperCase()}${conflict.what.slice(1)}: theirs ${show(field, current[field])} · yours ${show(field, patch[field])}.`;
}

/**
 * Rows whose edit lost to someone else's (412), each with the choice the
 * guide asks for: keep theirs, or apply mine on top. Shown above the table
 * so the virtual rows keep one height.
 */
export function RowConflicts({
  issues,
  onKeepTheirs,
  onUseMine,
}: {
  issues: Readonly<Record<string, RowIssue>>;
  onKeepTheirs: (id: string, current: Record<string, unknown>) => void;
  onUseMine: (id: string, current: Record<string, unknown>, conflict: Conflict) => void;
}) {
  const conflicts = Object.entries(issues).filter((entry): entry is [string, Conflict] => entry[1].kind === 'conflict');
  if (conflicts.length === 0) return null;
  return (
    <div className="bl-conflicts">
      {conflicts.map(([id, conflict]) => (
        <ConflictNotice
          key={id}
          error={conflict.error}
          what={`item "${conflict.title}"`}
          describe={(current) => describeConflict(conflict, current)}
          onReload={() =>
            onKeepTheirs(
              id,
              ((conflict.error as { body?: { current?: unknown } }).body?.current ?? {}) as Record<string, unknown>,
            )
          }
          onReapply={(current) => onUseMine(id, current, conflict)}
        />
      ))}
    </div>
  );
}
