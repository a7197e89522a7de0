import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Who authenticated (from SMTP_URL). */
  user: string | undefined;
  parsed: ParsedMail;
  raw: string;
}

/** What the server answers to a recipient: accept, or refuse with an SMTP code (4xx: try later, 5xx: never). */
export type SmtpAnswer = 'accept' | { code: number; message: string };

/**
 * A real SMTP server (the `smtp-server` package) on a local port that
 * requires AUTH, keeps what it receives, and parses each message with
 * `mailparser`, so a test reads back headers and both parts as a mail
 * client would. Answers per recipient follow a script (the last repeats).
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private readonly scripts = new Map<string, SmtpAnswer[]>();
  private server!: SMTPServer;
  port = 0;

  constructor(
    readonly user = 'keyline',
    readonly password = 'smtp-secret',
  ) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      logger: false,
      // No certificate here: nodemailer would try STARTTLS if offered; production servers offer it.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.password) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        const script = this.scripts.get(address.address.toLowerCase()) ?? [];
        const next = (script.length > 1 ? script.shift() : script[0]) ?? 'accept';
        if (next === 'accept') return callback();
        callback(Object.assign(new Error(next.message), { responseCode: next.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.mails.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                user: session.user as string | undefined,
                parsed,
                raw,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (
      (this.server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo
    ).port;
    return this;
  }

  /** SMTP_URL for Keyline, with this server's credentials. */
  get url(): string {
    return `smtp://${this.user}:${this.password}@127.0.0.1:${this.port}`;
  }

  /** How the server answers mail to this address, in order (the last repeats). */
  answer(address: string, script: SmtpAnswer[]): void {
    this.scripts.set(address.toLowerCase(), [...script]);
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
