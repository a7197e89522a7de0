import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_DATA, WEBHOOK_EVENT_TYPES, WebhookDeliveryBodySchema } from '@keyline/shared';
import { signWebhook } from './webhook-signature';

const doc = readFileSync(new URL('../../../../docs/WEBHOOKS.md', import.meta.url), 'utf8');

/** The ```json <event> blocks of docs/WEBHOOKS.md, by event. */
function examples(): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const match of doc.matchAll(/```json ([a-z_.]+)\n([\s\S]*?)```/g)) {
    found.set(match[1] as string, JSON.parse(match[2] as string));
  }
  return found;
}

describe('docs/WEBHOOKS.md', () => {
  it('shows one example per event, each exactly what the shared schema says is sent', () => {
    const shown = examples();
    expect([...shown.keys()].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const [type, example] of shown) {
      const body = WebhookDeliveryBodySchema.parse(example);
      expect(body.type).toBe(type);
      const schema = WEBHOOK_EVENT_DATA[body.type];
      // Parsing strips fields the schema does not know: equal means no field is missing or extra.
      expect(schema.parse(body.data), type).toEqual(body.data);
    }
  });

  it('verifies a real signature with its Node snippet, and refuses a tampered body and an old one', () => {
    const code = /<!-- verify -->\n```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const verify = new Function('require', `${code}\nreturn verifyKeyline;`)(createRequire(import.meta.url)) as (
      secret: string,
      body: string,
      header: string,
    ) => boolean;
    const body = '{"id":"x","type":"cycle.closed"}';
    const now = Math.floor(Date.now() / 1000);
    expect(verify('whsec_test', body, signWebhook('whsec_test', body, now))).toBe(true);
    expect(verify('whsec_test', `${body} `, signWebhook('whsec_test', body, now))).toBe(false);
    expect(verify('whsec_other', body, signWebhook('whsec_test', body, now))).toBe(false);
    expect(verify('whsec_test', body, signWebhook('whsec_test', body, now - 3600))).toBe(false);
  });
});
