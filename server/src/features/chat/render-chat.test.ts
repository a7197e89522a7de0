import { describe, expect, it } from 'vitest';
import type { MessageContent } from '@keyline/shared';
import { renderSlack, renderTeams, type ChatFrame } from './render-chat';

const frame: ChatFrame = {
  absolute: (p) => (p.startsWith('http') ? p : `https://k.example${p}`),
  footer: {
    text: 'For Ana <Admin>.',
    link: { label: 'Change what Keyline sends you', url: 'https://k.example/profile' },
  },
};

const content = (over: Partial<MessageContent> = {}): MessageContent => ({
  subject: 'Check-in due',
  intro: 'Revenue & <growth> > plan',
  sections: [{ heading: 'Due now', items: [{ text: 'ARR | $2M', detail: '9 days', path: '/key-results/1' }] }],
  action: { label: 'Open', path: '/okrs' },
  ...over,
});

describe('renderSlack', () => {
  it('escapes mrkdwn control characters and keeps pipes out of link labels', () => {
    const { text, blocks } = renderSlack(content(), frame);
    expect(text).toBe('Check-in due: Revenue & <growth> > plan');
    const json = JSON.stringify(blocks);
    expect(json).toContain('Revenue &amp; &lt;growth&gt; &gt; plan');
    expect(json).toContain('<https://k.example/key-results/1|ARR ¦ $2M> — 9 days');
    expect(json).toContain('For Ana &lt;Admin&gt;. <https://k.example/profile|Change what Keyline sends you>');
  });

  it('stays inside Block Kit limits: 150-character headers, 75-character buttons, 50 blocks', () => {
    const long = 'x'.repeat(400);
    const many = Array.from({ length: 80 }, (_, i) => ({ heading: `S${i}`, items: [] }));
    const { blocks } = renderSlack(
      content({ subject: long, sections: many, action: { label: long, path: '/' } }),
      frame,
    );
    expect(blocks).toHaveLength(50);
    const header = blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    const actions = blocks.find((b) => (b as { type: string }).type === 'actions') as {
      elements: { text: { text: string } }[];
    };
    expect(actions.elements[0]!.text.text).toHaveLength(75);
    expect((blocks.at(-1) as { type: string }).type).toBe('context');
  });
});

describe('renderTeams', () => {
  it('is a message with one Adaptive Card 1.4, links in Markdown, the action as Action.OpenUrl', () => {
    const msg = renderTeams(content({ quote: 'Pricing test slipped' }), frame) as any;
    expect(msg.type).toBe('message');
    expect(msg.attachments).toHaveLength(1);
    const card = msg.attachments[0].content;
    expect(msg.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.body[2]).toMatchObject({ type: 'Container', items: [{ text: 'Pricing test slipped' }] });
    expect(card.body.map((b: { text?: string }) => b.text)).toContain(
      '- [ARR | $2M](https://k.example/key-results/1) — 9 days',
    );
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open', url: 'https://k.example/okrs' }]);
  });
});
