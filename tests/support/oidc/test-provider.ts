import { Worker } from 'node:worker_threads';
import { freePort } from '../server-process';

export const TEST_CLIENT_ID = 'keyline-test';
export const TEST_CLIENT_SECRET = 'keyline-test-secret-0123456789';

export interface TestProvider {
  issuer: string;
  /** Creates or changes the person who signs in as `id` at the provider's login page. */
  setAccount(id: string, claims: Record<string, unknown>): Promise<void>;
  /** Runs the provider's clock this many seconds apart from the machine's (0 puts it back). */
  setClockOffset(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider 9) on 127.0.0.1 with one registered
 * confidential client, PKCE required, its own login and consent pages, and
 * RP-initiated logout, in a worker thread (its clock can be set apart).
 */
export async function startTestProvider(options: { keylineUrl: string }): Promise<TestProvider> {
  const port = await freePort();
  const worker = new Worker(new URL('./provider.worker.mjs', import.meta.url), {
    workerData: {
      port,
      client: {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [`${options.keylineUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${options.keylineUrl}/signin`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    },
    stdout: true,
    stderr: true,
  });
  let seq = 0;
  const waiting = new Map<number, () => void>();
  const issuer = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { type: string; issuer?: string; seq?: number }) => {
      if (m.type === 'ready') resolve(m.issuer as string);
      if (m.type === 'ack') waiting.get(m.seq as number)?.();
    });
  });
  const ask = (message: object) =>
    new Promise<void>((resolve) => {
      seq += 1;
      waiting.set(seq, resolve);
      worker.postMessage({ ...message, seq });
    });
  return {
    issuer,
    setAccount: (id, claims) => ask({ type: 'account', id, claims }),
    setClockOffset: (offsetSeconds) => ask({ type: 'clock', offsetSeconds }),
    stop: async () => {
      worker.postMessage({ type: 'stop' });
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
