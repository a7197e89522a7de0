import type { MessageContent } from '@keyline/shared';

export interface ChatFrame {
  absolute(path: string): string;
  /** A line under the message: whom it is for and where to change that, or where it came from. */
  footer: { text: string; link?: { label: string; url: string } };
}

// Limits from Slack's Block Kit reference: header text 150, section text 3,000, button text 75, 50 blocks.
const SLACK_HEADER_MAX = 150;
const SLACK_TEXT_MAX = 3000;
const SLACK_BUTTON_MAX = 75;
const SLACK_BLOCKS_MAX = 50;

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/** Slack mrkdwn: &, < and > are control characters and must be escaped in text. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackLink = (url: string, label: string) => `<${url}|${slackEscape(label).replace(/\|/g, '¦')}>`;

/** A Slack incoming-webhook body: `text` (notifications, screen readers) and Block Kit blocks. */
export function renderSlack(content: MessageContent, frame: ChatFrame): { text: string; blocks: object[] } {
  const blocks: object[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(content.subject, SLACK_HEADER_MAX), emoji: false } },
  ];
  const intro = [
    slackEscape(content.intro),
    ...(content.quote ? content.quote.split('\n').map((l) => `>${slackEscape(l)}`) : []),
  ];
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(intro.join('\n'), SLACK_TEXT_MAX) } });
  for (const section of content.sections) {
    const lines = section.items.map(
      (item) =>
        `• ${slackLink(frame.absolute(item.path), item.text)}${item.detail ? ` — ${slackEscape(item.detail)}` : ''}`,
    );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: cut(`*${slackEscape(section.heading)}*\n${lines.join('\n')}`, SLACK_TEXT_MAX) },
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: cut(content.action.label, SLACK_BUTTON_MAX) },
        url: frame.absolute(content.action.path),
      },
    ],
  });
  const footer = frame.footer.link
    ? `${slackEscape(frame.footer.text)} ${slackLink(frame.footer.link.url, frame.footer.link.label)}`
    : slackEscape(frame.footer.text);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(footer, SLACK_TEXT_MAX) }] });
  const kept =
    blocks.length > SLACK_BLOCKS_MAX ? [...blocks.slice(0, SLACK_BLOCKS_MAX - 2), ...blocks.slice(-2)] : blocks;
  return { text: cut(`${content.subject}: ${content.intro}`, SLACK_TEXT_MAX), blocks: kept };
}

/**
 * A Microsoft Teams message with one Adaptive Card (version 1.4), the body
 * both Teams Workflows ("post to a channel when a webhook request is
 * received") and the older Office 365 connectors accept.
 */
export function renderTeams(content: MessageContent, frame: ChatFrame): object {
  const body: object[] = [
    { type: 'TextBlock', text: content.subject, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: content.intro, wrap: true },
  ];
  if (content.quote) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [{ type: 'TextBlock', text: content.quote, wrap: true, isSubtle: true }],
    });
  }
  for (const section of content.sections) {
    body.push({ type: 'TextBlock', text: section.heading, weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const item of section.items) {
      body.push({
        type: 'TextBlock',
        text: `- [${teamsEscape(item.text)}](${frame.absolute(item.path)})${item.detail ? ` — ${teamsEscape(item.detail)}` : ''}`,
        wrap: true,
        spacing: 'Small',
      });
    }
  }
  body.push({
    type: 'TextBlock',
    text: frame.footer.link
      ? `${frame.footer.text} [${frame.footer.link.label}](${frame.footer.link.url})`
      : frame.footer.text,
    wrap: true,
    isSubtle: true,
    size: 'Small',
    spacing: 'Medium',
  });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: [{ type: 'Action.OpenUrl', title: content.action.label, url: frame.absolute(content.action.path) }],
        },
      },
    ],
  };
}

/** Adaptive Card text is a Markdown subset: keep brackets in titles from becoming links. */
const teamsEscape = (s: string) => s.replace(/([[\]()*_])/g, '\\$1');
