import pg from 'pg';
import { CHANGE_CHANNEL } from './change-log';

/**
 * PostgreSQL's LISTEN on the change log's channel, on a connection of its
 * own: `onChange` runs when another app server (or this one) commits a
 * change to a table that feeds the scores, within milliseconds, instead of
 * a poll. A dropped connection is reopened with a growing delay, and
 * `onChange` runs once reconnected, since changes may have been missed.
 */
export class ChangeListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = 250;
  private timer: NodeJS.Timeout | undefined;
  private schema = 'public';

  constructor(
    private readonly connection: { connectionString: string; options?: string },
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client(this.connection);
    client.on('error', (error) => this.reconnect(error));
    client.on('end', () => this.reconnect(new Error('LISTEN connection ended')));
    client.on('notification', (message) => {
      // Payload: the schema written to; test suites share a database, one schema each.
      if (message.payload === this.schema) this.onChange();
    });
    this.client = client;
    await client.connect();
    const [row] = (await client.query<{ schema: string }>('SELECT current_schema() AS schema')).rows;
    this.schema = row?.schema ?? 'public';
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.retryMs = 250;
  }

  private reconnect(error: unknown): void {
    if (this.stopped || this.timer) return;
    this.onError(error);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners();
    void client?.end().catch(() => undefined);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start()
        .then(() => this.onChange())
        .catch((e: unknown) => this.reconnect(e));
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(10_000, this.retryMs * 2);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }
}
