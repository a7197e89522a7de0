import { DAY_MS } from '@keyline/shared';
import { isIP } from 'node:net';
import { z } from 'zod';
import { COMMON_PASSWORDS } from './auth/common-passwords';
import { checkSsoConfig, SSO_ENV } from './features/sso/sso.config';

/**
 * All configuration, read once from the environment and validated. A bad
 * value stops the start with a message naming the variable. `.env.example`
 * lists every variable.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/keyline.db')
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be sqlite:<path> or a postgres:// URL',
    }),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `demo` seeds a demo organisation into an empty database; `none` starts empty. */
  KEYLINE_SEED: z.enum(['demo', 'none']).default('demo'),
  KEYLINE_ADMIN_EMAIL: z.email().optional(),
  KEYLINE_ADMIN_PASSWORD: z.string().min(12).max(128).optional(),
  /** Sign the user out after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(60 * 12),
  /** Sign the user out this many hours after sign-in, whatever they do. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** Failed sign-ins allowed per account and per IP within the window before 429. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Extra origins allowed to send state-changing requests (comma-separated), e.g. the Vite dev server. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Serve the built client from this folder; empty to serve the API only. */
  CLIENT_DIST: z.string().default(''),
  /**
   * Behind a reverse proxy: how many proxies stand in front (`1`), or their
   * addresses (`10.0.0.0/8`, `loopback`), so req.ip and https detection are
   * right. Never `true`: that believes the left-most X-Forwarded-For, which
   * the client writes. `false` (or `0`): no proxy, X-Forwarded-* ignored.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  /**
   * 32 random bytes, base64: encrypts tracker tokens and webhook secrets at rest (AES-256-GCM).
   * Optional: without it Keyline runs, but no tracker connection can be saved.
   */
  KEYLINE_SECRET_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || secretKeyBytes(v) !== null, {
      message: 'must be 32 random bytes in base64; make one with: openssl rand -base64 32',
    }),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** After SIGTERM, keep accepting (readyz 503, answers close their connection) this long before closing the port. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /**
   * The address people reach Keyline at (https://keyline.example.com). Every
   * link in a message starts with it; sign-in redirects use it too. Defaults
   * to http://localhost:PORT.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL, e.g. https://keyline.example.com' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465. Unset: e-mail is off. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587' })
    .optional(),
  /** The From of every e-mail, e.g. `Keyline <keyline@example.com>`; required with SMTP_URL. */
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  /** Let webhooks and chat channels reach loopback, link-local and private addresses (off: they cannot aim at our network). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** `off`: this process sends no messages and runs no scheduled jobs (another app server does). */
  BACKGROUND_JOBS: z.enum(['on', 'off']).default('on'),
  /** First retry of a failed delivery after this long; each next one waits twice as long (capped at an hour). */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  /** A message still undelivered this long after it was written is marked dead. */
  NOTIFY_GIVE_UP_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * DAY_MS)
    .default(DAY_MS),
  /** How often the sender looks for messages written by other app servers (its own are sent at once). */
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  /** A delivery that takes longer fails (webhooks: 2xx within 10 s counts as delivered). */
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(10_000),
  /** How often scheduled jobs are re-checked (catch-up after downtime, a crashed server's lease). */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  ...SSO_ENV,
});

export type Config = Readonly<z.infer<typeof EnvSchema>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (Boolean(parsed.data.KEYLINE_ADMIN_EMAIL) !== Boolean(parsed.data.KEYLINE_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Invalid configuration:\n  KEYLINE_ADMIN_EMAIL and KEYLINE_ADMIN_PASSWORD must be set together',
    );
  }
  // Checked like any password a person chooses: the same list the sign-up and change forms refuse.
  if (parsed.data.KEYLINE_ADMIN_PASSWORD && COMMON_PASSWORDS.has(parsed.data.KEYLINE_ADMIN_PASSWORD.toLowerCase())) {
    throw new ConfigError(
      'Invalid configuration:\n  KEYLINE_ADMIN_PASSWORD: this password is too common; choose another',
    );
  }
  if (parsed.data.SMTP_URL && !parsed.data.MAIL_FROM) {
    throw new ConfigError(
      'Invalid configuration:\n  MAIL_FROM must be set with SMTP_URL, e.g. MAIL_FROM="Keyline <keyline@example.com>"',
    );
  }
  const ssoProblems = checkSsoConfig(parsed.data);
  if (ssoProblems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${ssoProblems.map((p) => `  ${p}`).join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

export class ConfigError extends Error {}

/** PUBLIC_URL, or where a newcomer's browser reaches this server. No trailing slash. */
export function publicUrl(config: Config): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: a hop count, or a list of
 * addresses and subnets. Returns a message for anything else.
 */
export function parseTrustProxy(text: string): number | string[] | string {
  const value = text.trim();
  if (value === 'false') return 0;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  if (value !== '' && entries.every(isProxyAddress)) return entries;
  return /^true$/i.test(value)
    ? 'true would believe the client-written left-most X-Forwarded-For; give the hop count of proxies in front (1) or their addresses (10.0.0.0/8, loopback)'
    : 'must be false, a hop count of proxies in front (1), or their addresses and subnets, comma-separated (10.0.0.0/8, loopback)';
}

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (family === 4 && isIP(prefix) === 4) return true; // a netmask: 10.0.0.0/255.0.0.0
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The key's 32 bytes, or null when the text is not 32 bytes of base64. */
export function secretKeyBytes(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(trimmed) && !/^[A-Za-z0-9_-]{43}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  return bytes.length === 32 ? bytes : null;
}
