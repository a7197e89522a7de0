import type { MessageContent } from '@keyline/shared';

export interface EmailFrame {
  /** Makes a path absolute (PUBLIC_URL). */
  absolute(path: string): string;
  /** "Weekly digest", for "You get this because …". */
  kindLabel: string;
  /** The one-click unsubscribe page for this kind (absolute); none for messages that cannot be switched off. */
  unsubscribeUrl: string | null;
  /** Where people choose what Keyline sends them (absolute). */
  preferencesUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

// Inline styles only: mail clients drop <style> blocks. Colours from the UI guide (contrast ≥ 4.5:1 on white).
const S = {
  body: 'margin:0;padding:24px;background:#F9FAFB;font:14px/20px system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827',
  card: 'max-width:600px;margin:0 auto;background:#FFFFFF;border:1px solid #E5E7EB;border-radius:8px;padding:24px',
  h1: 'font-size:20px;line-height:28px;margin:0 0 12px',
  h2: 'font-size:16px;line-height:24px;margin:24px 0 8px',
  quote:
    'margin:12px 0;padding:8px 12px;border-left:4px solid #3538CD;background:#F3F4F6;color:#374151;white-space:pre-wrap',
  li: 'margin:0 0 8px',
  link: 'color:#3538CD',
  detail: 'color:#4B5563;font-size:12px;line-height:16px',
  button:
    'display:inline-block;margin-top:24px;padding:10px 16px;background:#3538CD;color:#FFFFFF;border-radius:6px;text-decoration:none;font-weight:600',
  footer: 'max-width:600px;margin:16px auto 0;color:#4B5563;font-size:12px;line-height:16px',
};

/**
 * One message as e-mail: an HTML part and a plain-text part saying the same
 * thing, every link absolute, and a footer saying why it came and how to
 * stop it. Pure: the same content renders to Slack and Teams elsewhere.
 */
export function renderEmail(content: MessageContent, frame: EmailFrame): RenderedEmail {
  const a = (path: string, label: string) =>
    `<a href="${escape(frame.absolute(path))}" style="${S.link}">${escape(label)}</a>`;
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width"><title>${escape(content.subject)}</title></head>`,
    `<body style="${S.body}"><div style="${S.card}">`,
    `<h1 style="${S.h1}">${escape(content.subject)}</h1>`,
    `<p style="margin:0">${escape(content.intro)}</p>`,
    content.quote ? `<blockquote style="${S.quote}">${escape(content.quote)}</blockquote>` : '',
    ...content.sections.map((section) =>
      [
        `<h2 style="${S.h2}">${escape(section.heading)}</h2>`,
        '<ul style="margin:0;padding-left:20px">',
        ...section.items.map(
          (item) =>
            `<li style="${S.li}">${a(item.path, item.text)}` +
            (item.detail ? `<br><span style="${S.detail}">${escape(item.detail)}</span>` : '') +
            '</li>',
        ),
        '</ul>',
      ].join(''),
    ),
    `<a href="${escape(frame.absolute(content.action.path))}" style="${S.button}">${escape(content.action.label)}</a>`,
    '</div>',
    `<p style="${S.footer}">${escape(footerReason(frame))} `,
    frame.unsubscribeUrl
      ? `<a href="${escape(frame.unsubscribeUrl)}" style="${S.link}">Unsubscribe from ${escape(frame.kindLabel.toLowerCase())}</a> · `
      : '',
    `<a href="${escape(frame.preferencesUrl)}" style="${S.link}">Choose what Keyline sends you</a></p>`,
    '</body></html>',
  ].join('');

  const text = [
    content.subject,
    '',
    content.intro,
    ...(content.quote ? ['', ...content.quote.split('\n').map((line) => `> ${line}`)] : []),
    ...content.sections.flatMap((section) => [
      '',
      section.heading,
      ...section.items.flatMap((item) => [
        `- ${item.text}${item.detail ? ` (${item.detail})` : ''}`,
        `  ${frame.absolute(item.path)}`,
      ]),
    ]),
    '',
    `${content.action.label}: ${frame.absolute(content.action.path)}`,
    '',
    '-- ',
    footerReason(frame),
    ...(frame.unsubscribeUrl ? [`Unsubscribe from ${frame.kindLabel.toLowerCase()}: ${frame.unsubscribeUrl}`] : []),
    `Choose what Keyline sends you: ${frame.preferencesUrl}`,
    '',
  ].join('\n');

  return { subject: content.subject, text, html };
}

function footerReason(frame: EmailFrame): string {
  return `You get this e-mail because “${frame.kindLabel}” is on in your Keyline notification settings.`;
}
