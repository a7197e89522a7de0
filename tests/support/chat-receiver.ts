import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatPost {
  platform: 'slack' | 'teams';
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A scripted answer: the platform's own errors (410 channel_is_archived, 429 rate_limited…) or a hang. */
export type ChatBehaviour = { status: number; text: string } | 'hang';

/**
 * A local HTTP server that speaks Slack's and Microsoft Teams' incoming-webhook
 * protocols as documented: Slack answers 200 "ok", or 400 invalid_payload /
 * no_text / invalid_blocks when the Block Kit body breaks its rules (block
 * types, 150-character headers, 3,000-character sections, 75-character
 * buttons, 50 blocks); Teams (Workflows) answers 202 to a message carrying an
 * Adaptive Card, 400 otherwise. Paths under /slack/ are Slack, /teams/ Teams.
 * Only accepted posts are kept in `posts`.
 */
export class ChatReceiver {
  readonly posts: ChatPost[] = [];
  readonly refused: { path: string; status: number; text: string }[] = [];
  private readonly scripts = new Map<string, ChatBehaviour[]>();
  private server!: Server;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const script = this.scripts.get(path) ?? [];
        const next = script.length > 1 ? script.shift() : script[0];
        if (next === 'hang') return;
        const platform = path.startsWith('/teams/') ? 'teams' : 'slack';
        let body: any;
        try {
          body = JSON.parse(raw);
        } catch {
          return this.answer(res, path, 400, 'invalid_payload');
        }
        if (next) return this.answer(res, path, next.status, next.text);
        const problem = platform === 'slack' ? slackProblem(body, req.headers) : teamsProblem(body, req.headers);
        if (problem) return this.answer(res, path, 400, problem);
        this.posts.push({ platform, path, headers: req.headers, body });
        if (platform === 'slack') this.answer(res, path, 200, 'ok');
        else this.answer(res, path, 202, '');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private answer(res: import('node:http').ServerResponse, path: string, status: number, text: string) {
    if (status >= 300) this.refused.push({ path, status, text });
    res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
  }

  /** The URL of a path; `script` answers in order (the last repeats) before the normal behaviour. */
  url(path: string, script: ChatBehaviour[] = []): string {
    this.scripts.set(path, [...script]);
    return this.baseUrl + path;
  }

  at(path: string): ChatPost[] {
    return this.posts.filter((p) => p.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const isText = (t: any, type: string, max: number) =>
  t && t.type === type && typeof t.text === 'string' && t.text.length > 0 && t.text.length <= max;

/** Slack's incoming-webhook rules (api.slack.com/reference/block-kit): the error names are Slack's. */
function slackProblem(body: any, headers: IncomingHttpHeaders): string | null {
  if (!String(headers['content-type']).startsWith('application/json')) return 'invalid_payload';
  if (typeof body.text !== 'string' && !Array.isArray(body.blocks)) return 'no_text';
  if (body.blocks === undefined) return null;
  if (!Array.isArray(body.blocks) || body.blocks.length > 50) return 'invalid_blocks';
  for (const block of body.blocks) {
    const ok =
      (block.type === 'header' && isText(block.text, 'plain_text', 150)) ||
      (block.type === 'section' && isText(block.text, 'mrkdwn', 3000)) ||
      (block.type === 'context' &&
        Array.isArray(block.elements) &&
        block.elements.every((e: any) => isText(e, 'mrkdwn', 3000))) ||
      (block.type === 'actions' &&
        Array.isArray(block.elements) &&
        block.elements.every(
          (e: any) =>
            e.type === 'button' &&
            isText(e.text, 'plain_text', 75) &&
            typeof e.url === 'string' &&
            e.url.length <= 3000,
        ));
    if (!ok) return 'invalid_blocks';
  }
  return null;
}

/** What Teams (Workflows and connectors) takes: a message whose attachment is an Adaptive Card. */
function teamsProblem(body: any, headers: IncomingHttpHeaders): string | null {
  if (!String(headers['content-type']).startsWith('application/json')) return 'Bad payload';
  const card = body?.attachments?.[0];
  if (body?.type !== 'message' || !card) return 'Expected a message with attachments';
  if (card.contentType !== 'application/vnd.microsoft.card.adaptive') return 'Unsupported attachment content type';
  const c = card.content;
  if (c?.type !== 'AdaptiveCard' || typeof c.version !== 'string' || !Array.isArray(c.body) || c.body.length === 0)
    return 'Invalid Adaptive Card';
  for (const el of c.body) {
    if (!['TextBlock', 'Container'].includes(el.type)) return `Unknown element ${el.type}`;
    if (el.type === 'TextBlock' && typeof el.text !== 'string') return 'TextBlock without text';
  }
  for (const action of c.actions ?? []) {
    if (action.type !== 'Action.OpenUrl' || !/^https?:\/\//.test(action.url)) return 'Invalid action';
  }
  return null;
}
