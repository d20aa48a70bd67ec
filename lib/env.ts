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
  /** Uploaded and generated pictures: a folder every instance reads and writes (docs/deploy.md). */
  MEDIA_DIR: z.string().trim().min(1).optional(),
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
  /** Outgoing mail server (smtp:// or smtps://). Unset: messages are written as .eml files under DATA_DIR/mail. */
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
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

/** Test hook: forget the parsed environment after a test changed process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
