import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed lazily so that a script which needs
 * one variable does not fail on another it never uses.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL')
    .optional(),
  /** Streaming replicas of DATABASE_URL, comma-separated: public reads go to them (docs/adr/0011). */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((url) => url.trim()).filter((url) => url.length > 0))
    .pipe(z.array(z.string().refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be postgres:// URLs separated by commas'))),
  /** Named prepared statements; `false` behind PgBouncer in transaction mode (docs/adr/0011). */
  DATABASE_PREPARE: z
    .enum(['true', 'false', '1', '0'], 'must be true, false, 1 or 0')
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** How far behind the primary a replica may be and still serve public reads (docs/adr/0011). */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(60000).default(2000),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z.url().default('http://localhost:3000'),
  SITE_NAME: z.string().trim().min(1).default('The Daily Ledger'),
  /** The newsroom's time zone: editors schedule stories in it. */
  SITE_TIMEZONE: z
    .string()
    .trim()
    .default('Europe/London')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/London'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Seconds a pooled connection may sit idle before it is closed; 0 keeps it. A new connection's first search costs
   * 60–180 ms more than later ones (PostgreSQL loads the text-search dictionaries once per backend; ADR 0033).
   */
  DATABASE_IDLE_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  /**
   * Password hashing's own threads (docs/adr/0024); unset: one fewer than the CPUs, at least one. Sign-ins beyond them
   * wait, at most PASSWORD_HASH_QUEUE of them and at most PASSWORD_HASH_MAX_WAIT_MS each, else are asked to try again.
   */
  PASSWORD_HASH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10000).default(64),
  PASSWORD_HASH_MAX_WAIT_MS: z.coerce.number().int().min(100).max(60000).default(2000),
  /** Memory the page cache of one instance may use for anonymous pages (docs/adr/0009). */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(65536).default(256),
  /** Redis shared by every instance for the data and page caches and their invalidations (docs/adr/0010). */
  REDIS_URL: z
    .string()
    .trim()
    .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL')
    .optional(),
  /**
   * Proxies whose X-Forwarded-For the site believes (addresses or CIDR ranges, comma-separated), for example the
   * nginx in front of it (docs/deploy.md). Unset: the connection's peer is the client.
   */
  TRUSTED_PROXIES: z.string().trim().optional(),
  /** New accounts one client address may register per hour (data/throttles.ts, docs/adr/0023). */
  REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(5),
  /** Uploaded and generated pictures: a folder every instance reads and writes (docs/deploy.md). */
  MEDIA_DIR: z.string().trim().min(1).optional(),
  /**
   * Outgoing mail server, for example smtp://user:password@mail.example.com:587 or smtps://…:465 (nodemailer's
   * connection URL). Unset: each message is written as an .eml
   * file under DATA_DIR/mail instead (docs/adr/0022).
   */
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The From of every message, for example "The Daily Ledger <news@example.com>"; default: SITE_NAME at SITE_URL's host. */
  MAIL_FROM: z
    .string()
    .trim()
    .refine((value) => /^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(value), 'must be an address, or a name and an <address>')
    .optional(),
  /** Bulk (newsletter) messages one worker sends per second at most; account and notification mail is not held back. */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0.1).max(10000).default(50),
  /** `off`: this instance runs no background worker (mail, periodic jobs); run `npm run worker` somewhere instead. */
  WORKER: z.enum(['on', 'off'], 'must be on or off').default('on'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The build folder (next.config.js reads it too). */
  NEXT_DIST_DIR: z.string().trim().min(1).default('.next'),
  /** Next's version-skew id, fixed at build time (scripts/lib/build.ts); every instance of one build shares it. */
  NEXT_DEPLOYMENT_ID: z.string().trim().min(1).optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Encrypts server actions' bound arguments; every instance of one site must share it (docs/adr/0010). */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, 'base64').length), 'must be a base64 AES key of 16, 24 or 32 bytes (`openssl rand -base64 32`)')
    .optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Absolute path of the data directory (embedded database, uploaded and generated images). */
export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

/** Absolute path of the folder of uploaded and generated pictures: MEDIA_DIR, else DATA_DIR/media. */
export function mediaDir(): string {
  const { MEDIA_DIR } = env();
  return MEDIA_DIR ? path.resolve(MEDIA_DIR) : path.join(dataDir(), 'media');
}

export type MailAddress = { name: string; address: string };

/**
 * The From of outgoing mail: MAIL_FROM, else the site's name at SITE_URL's host ("The Daily Ledger" <news@localhost>).
 * Kept as name and address so that the mailer quotes a name with a comma or quotes in it.
 */
export function mailFrom(): MailAddress {
  const { MAIL_FROM, SITE_NAME, SITE_URL } = env();
  if (!MAIL_FROM) return { name: SITE_NAME, address: `news@${new URL(SITE_URL).hostname}` };
  const named = /^(.*)<([^<>]+)>$/.exec(MAIL_FROM);
  if (!named) return { name: '', address: MAIL_FROM };
  return { name: named[1]!.trim().replace(/^"(.*)"$/, '$1'), address: named[2]!.trim() };
}

/** Where messages go without SMTP_URL: DATA_DIR/mail. */
export function mailOutboxDir(): string {
  return path.join(dataDir(), 'mail');
}

/** Forget the parsed environment after a test (or a benchmark script) changed process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
