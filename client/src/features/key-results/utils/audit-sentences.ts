import type { AuditEvent } from '@keyline/shared';
import { formatDay, formatMetric, formatNumber } from '../../../lib/format';
import { enteredLater } from './check-in-history';

/** The KR as the audit trail stored it: a DTO snapshot, possibly with the check-in that moved it. */
interface KrSnapshot {
  title?: string;
  metricType?: string;
  startValue?: number;
  targetValue?: number;
  currentValue?: number;
  unit?: string;
  weight?: number;
  ownerId?: string | null;
  /** `at`: the moment the value is for, when it was recorded late. */
  checkIn?: { value?: number; confidence?: number; note?: string; at?: string; createdAt?: string };
}

type Field = 'title' | 'metricType' | 'startValue' | 'targetValue' | 'currentValue' | 'unit' | 'weight' | 'ownerId';

const FIELD_LABEL: Record<Field, string> = {
  title: 'title',
  metricType: 'metric type',
  startValue: 'start',
  targetValue: 'target',
  currentValue: 'current value',
  unit: 'unit',
  weight: 'weight',
  ownerId: 'owner',
};

const asSnapshot = (value: unknown): KrSnapshot => (value && typeof value === 'object' ? (value as KrSnapshot) : {});

/**
 * One audit event on a key result as a sentence without its subject, e.g.
 * "changed target from 25 tickets to 20 tickets". The actor and time are
 * shown beside it.
 */
export function describeKeyResultEvent(event: Pick<AuditEvent, 'action' | 'before' | 'after'>): string {
  const before = asSnapshot(event.before);
  const after = asSnapshot(event.after);
  const metric = (v: number | undefined, s: KrSnapshot) =>
    v === undefined
      ? '—'
      : formatMetric(v, s.unit ?? after.unit ?? '', s.metricType ?? after.metricType, { full: true });
  switch (event.action) {
    case 'create':
      return `created this key result: ${metric(after.startValue, after)} → ${metric(after.targetValue, after)}`;
    case 'delete':
      return 'deleted this key result';
    case 'update': {
      if (after.checkIn) {
        const c = after.checkIn;
        const from = before.currentValue === undefined ? '' : ` (was ${metric(before.currentValue, before)})`;
        const note = c.note ? `: “${c.note}”` : '';
        const late = c.at && c.createdAt && enteredLater({ at: c.at, createdAt: c.createdAt });
        const forDay = late ? ` for ${formatDay(c.at)}` : '';
        return `checked in ${metric(c.value, after)}${forDay}${from}, confidence ${c.confidence ?? '—'}/10${note}`;
      }
      const changes = (Object.keys(FIELD_LABEL) as Field[])
        .filter((f) => before[f] !== after[f])
        .map((f) => describeChange(f, before, after, metric));
      return changes.length ? `changed ${joinWords(changes)}` : 'edited this key result';
    }
  }
}

function describeChange(
  field: Field,
  before: KrSnapshot,
  after: KrSnapshot,
  metric: (v: number | undefined, s: KrSnapshot) => string,
): string {
  const label = FIELD_LABEL[field];
  switch (field) {
    case 'title':
    case 'unit':
    case 'metricType':
      return `${label} from “${before[field] ?? ''}” to “${after[field] ?? ''}”`;
    case 'weight':
      return `${label} from ${formatNumber(before.weight)} to ${formatNumber(after.weight)}`;
    case 'ownerId':
      return 'owner';
    case 'startValue':
    case 'targetValue':
    case 'currentValue':
      return `${label} from ${metric(before[field], before)} to ${metric(after[field], after)}`;
  }
}

/** "a, b and c" */
export function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
