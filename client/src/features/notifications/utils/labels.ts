import type { DeliveryStatus, MessageChannel, WebhookEventType } from '@keyline/shared';

/** A delivery's status as icon + word (never colour alone), with the class that colours it. */
export const DELIVERY_STATUS: Record<DeliveryStatus, { icon: string; word: string; tone: string }> = {
  pending: { icon: '○', word: 'Waiting', tone: 'nt-tone-muted' },
  sending: { icon: '↻', word: 'Sending', tone: 'nt-tone-muted' },
  delivered: { icon: '●', word: 'Delivered', tone: 'nt-tone-ok' },
  dead: { icon: '✕', word: 'Failed', tone: 'nt-tone-bad' },
};

export const CHANNEL_LABELS: Record<MessageChannel, string> = {
  email: 'E-mail',
  slack: 'Slack',
  teams: 'Teams',
  webhook: 'Webhook',
};

/** What each event means to a person picking it. */
export const EVENT_LABELS: Record<WebhookEventType, string> = {
  'check_in.created': 'Check-ins',
  'key_result.status_changed': 'Key result status changes',
  'backlog_item.flagged': 'Items flagged',
  'backlog_item.unflagged': 'Items unflagged',
  'backlog_item.linked': 'Items linked to a key result',
  'backlog_item.unlinked': 'Items unlinked',
  'cycle.closed': 'Quarter closed',
  'comment.created': 'Comments',
};

/** "3 min ago", "in 12 min", "14 Aug 09:12": when something happened or will, for the log. */
export function when(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '—';
  const diff = Date.parse(iso) - now;
  const minutes = Math.round(Math.abs(diff) / 60_000);
  if (minutes < 1) return diff < 0 ? 'just now' : 'in under a minute';
  if (minutes < 60) return diff < 0 ? `${minutes} min ago` : `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return diff < 0 ? `${hours} h ago` : `in ${hours} h`;
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Every IANA zone this browser knows, for the time-zone picker (UTC first). */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}
