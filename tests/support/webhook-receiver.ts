import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
  /** The signature checked as docs/WEBHOOKS.md tells a receiver to, with the secret registered for the path. */
  signatureValid: boolean | null;
}

/** What the receiver does with a request: answer with a status, or never answer (hang). */
export type Behaviour = { status: number } | 'hang';

/**
 * A real HTTP server standing in for the systems webhooks and chat messages
 * go to. Each path has its own script of answers (the last one repeats) and,
 * for webhooks, the secret to verify signatures with.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, Behaviour[]>();
  private readonly secrets = new Map<string, string>();
  private server!: Server;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const secret = this.secrets.get(path);
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // keep the text
        }
        this.requests.push({
          path,
          headers: req.headers,
          raw,
          body,
          at: Date.now(),
          signatureValid: secret === undefined ? null : verify(secret, raw, req.headers['x-keyline-signature']),
        });
        const script = this.scripts.get(path) ?? [];
        const next = (script.length > 1 ? script.shift() : script[0]) ?? { status: 200 };
        if (next === 'hang') return; // the client gives up on its own
        res.writeHead(next.status, { 'content-type': 'text/plain' }).end(next.status < 300 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The URL of a path, with how it answers (in order; the last repeats) and the secret its signatures use. */
  url(path: string, script: Behaviour[] = [{ status: 200 }]): string {
    this.scripts.set(path, [...script]);
    return this.baseUrl + path;
  }

  expectSecret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  at(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The receiver's side of docs/WEBHOOKS.md, written independently of the server's signing code. */
function verify(secret: string, raw: string, header: string | string[] | undefined): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header ?? ''));
  if (!match) return false;
  const [, t, v1] = match;
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1 as string, 'hex'));
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
