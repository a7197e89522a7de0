import type { MessageContent, OkrStatus, WebhookEventData, WebhookEventType } from '@keyline/shared';

/** Icon and word, never colour alone (the UI guide): how chat messages name a status. */
export const STATUS_WORDS: Record<OkrStatus, string> = {
  'on-track': '● On track',
  'at-risk': '▲ At risk',
  'off-track': '✕ Off track',
  'no-check-in': '○ No check-in',
};

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
const number = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);

/**
 * An event as a short message for people (a chat channel): what happened, to
 * what, with a link. Pure; Slack and Teams render the same content.
 */
export function describeEvent<T extends WebhookEventType>(type: T, data: WebhookEventData<T>): MessageContent {
  switch (type) {
    case 'check_in.created': {
      const d = data as WebhookEventData<'check_in.created'>;
      const kr = d.keyResult;
      return {
        subject: `Check-in on ${kr.title}`,
        intro: `${d.checkIn.authorName} checked in ${number(d.checkIn.value)}${kr.unit ? ` ${kr.unit}` : ''} (was ${number(kr.previousValue)}, target ${number(kr.targetValue)}), confidence ${d.checkIn.confidence}/10.`,
        ...(d.checkIn.note ? { quote: d.checkIn.note } : {}),
        sections: [],
        action: { label: 'Open the key result', path: kr.url },
      };
    }
    case 'key_result.status_changed': {
      const d = data as WebhookEventData<'key_result.status_changed'>;
      return {
        subject: `${d.keyResult.title}: ${STATUS_WORDS[d.status]}`,
        intro: `Was ${STATUS_WORDS[d.previousStatus]}. Progress ${percent(d.progress)}, pace expects ${percent(d.expectedProgress)}${d.confidence === null ? '' : `, confidence ${d.confidence}/10`}.`,
        sections: [],
        action: { label: 'Open the key result', path: d.keyResult.url },
      };
    }
    case 'backlog_item.flagged':
    case 'backlog_item.unflagged': {
      const d = data as WebhookEventData<'backlog_item.flagged'>;
      const gained = type === 'backlog_item.flagged';
      return {
        subject: `${d.item.externalKey ? `${d.item.externalKey} ` : ''}${d.item.title} ${gained ? 'was flagged' : 'lost a flag'}`,
        intro: d.flags.map((f) => f.message).join('; '),
        sections: [],
        action: { label: 'Open the item', path: d.item.url },
      };
    }
    case 'backlog_item.linked':
    case 'backlog_item.unlinked': {
      const d = data as WebhookEventData<'backlog_item.linked'>;
      return {
        subject:
          d.strength === null
            ? `${d.item.title} no longer serves ${d.keyResult.title}`
            : `${d.item.title} now serves ${d.keyResult.title}`,
        intro: d.strength === null ? 'The link was removed.' : `Strength ${d.strength} of 3.`,
        sections: [],
        action: { label: 'Open the item', path: d.item.url },
      };
    }
    case 'cycle.closed': {
      const d = data as WebhookEventData<'cycle.closed'>;
      const carried = d.carriedKeyResultIds.length;
      return {
        subject: `${d.cycle.name} is closed`,
        intro: d.nextCycle
          ? `${carried} key result${carried === 1 ? '' : 's'} carried into ${d.nextCycle.name}.`
          : 'Nothing was carried into another quarter.',
        sections: [],
        action: {
          label: d.nextCycle ? `Open ${d.nextCycle.name}` : `Open ${d.cycle.name}`,
          path: (d.nextCycle ?? d.cycle).url,
        },
      };
    }
    case 'comment.created': {
      const d = data as WebhookEventData<'comment.created'>;
      return {
        subject: `${d.comment.authorName} commented on ${d.subject.title}`,
        intro: d.mentions.length ? `Mentions ${d.mentions.map((p) => p.name).join(', ')}.` : 'A new comment.',
        quote: d.comment.body,
        sections: [],
        action: { label: 'Open the comment', path: d.comment.url },
      };
    }
  }
  throw new Error(`No description for ${String(type)}`);
}
