import 'server-only';

import { setTimeout as sleep } from 'node:timers/promises';

import { eq, or, sql } from 'drizzle-orm';

import { getDb, type Database, type Transaction } from '@/db/client';
import { signInThrottle } from '@/db/schema';
import { env } from '@/lib/env';
import { RegistrationThrottledError } from '@/lib/errors';

/**
 * The attempt counters of sign-in and registration, one row per key in sign_in_throttle, each counted by one
 * PostgreSQL upsert (docs/adr/0021, docs/adr/0023). Sign-in is limited per account AND client together (the
 * attacker's client runs out, the owner's does not), per client across accounts, and slowed, never refused, per
 * account; registration per client.
 */

/**
 * Sign-in: `pairAttempts` per account and client per window, then that pair is locked for a doubling time (1, 2, 4 …
 * up to `pairMaxLockMinutes`). Nothing else ever refuses a sign-in, so no burst becomes a site-wide lock-out (behind a
 * proxy that is not trusted every reader shares one address): past `accountFreeFailures` failures on an account from
 * anywhere, or `clientFreeFailures` failures from a client on any accounts, in a window, each attempt waits first —
 * `delayStepMs` doubling per further failure, at most `accountMaxDelayMs` / `clientMaxDelayMs`. Other throttles
 * (registration, links by e-mail) lock for up to `maxLockMinutes`.
 */
export const THROTTLE = {
  pairAttempts: 5,
  windowMinutes: 15,
  pairMaxLockMinutes: 15,
  maxLockMinutes: 60,
  delayStepMs: 100,
  accountFreeFailures: 10,
  accountMaxDelayMs: 2_000,
  clientFreeFailures: 30,
  clientMaxDelayMs: 3_000,
} as const;

/** Registration: REGISTRATIONS_PER_HOUR attempts (default 5) per client address per hour. */
const REGISTRATION_WINDOW_MINUTES = 60;

export type Limit = { attempts: number; windowMinutes: number; maxLockMinutes?: number };
export type Taken = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` atomically and says whether it is allowed, and if not, how long until it would
 * be. The count is taken before the attempt is checked, so a burst of parallel attempts is limited as strictly as a
 * sequence. Once the window and any lock are over the key starts afresh (its lock too: the old count must not lock
 * it again). Every throttle of the site counts through it, each under keys of its own prefix.
 */
export async function takeAttempt(key: string, { attempts: limit, windowMinutes, maxLockMinutes = THROTTLE.maxLockMinutes }: Limit): Promise<Taken> {
  const windowOver = sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${windowMinutes})
    and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < now())`;
  const [row] = await getDb().execute<{ attempts: number; locked: boolean; retry_after_seconds: number }>(sql`
    insert into ${signInThrottle} (key, attempts, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      attempts = case when ${windowOver} then 1 else ${signInThrottle.attempts} + 1 end,
      window_started_at = case when ${windowOver} then now() else ${signInThrottle.windowStartedAt} end,
      locked_until = case when ${windowOver} then null
                          when ${signInThrottle.attempts} + 1 > ${limit}
                          then now() + make_interval(mins => least(${maxLockMinutes}, power(2, ${signInThrottle.attempts} + 1 - ${limit} - 1))::int)
                          else ${signInThrottle.lockedUntil} end
    returning attempts, (locked_until is not null and locked_until > now()) as locked,
      ceil(extract(epoch from greatest(locked_until, window_started_at + make_interval(mins => ${windowMinutes})) - now()))::int as retry_after_seconds`);
  const allowed = Boolean(row) && !row!.locked && row!.attempts <= limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, row?.retry_after_seconds ?? 1) };
}

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
// The address is URI-encoded so that a prefix names one account's pairs and nothing else (no ':' inside it).
const pairPrefix = (email: string) => `pair:${encodeURIComponent(email.toLowerCase())}:`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Anyone (verifySignIn): counts a sign-in attempt for this account from this client. Refused, with the real wait, once
 * the pair has used its attempts; no other count refuses.
 */
export async function takeSignInAttempt(email: string, ip: string): Promise<Taken> {
  return takeAttempt(`${pairPrefix(email)}${ip}`, { attempts: THROTTLE.pairAttempts, windowMinutes: THROTTLE.windowMinutes, maxLockMinutes: THROTTLE.pairMaxLockMinutes });
}

/** How long an attempt waits after `failures` recent failures, when the first `free` cost nothing, at most `max` ms. */
export function signInDelayMs(failures: number, free: number, max: number): number {
  if (failures <= free) return 0;
  return Math.min(max, THROTTLE.delayStepMs * 2 ** Math.min(failures - free - 1, 20));
}

/**
 * Anyone (verifySignIn): waits as long as the recent failures on the account (from every client) and from the client
 * (on every account) ask. A guesser is slowed on every attempt; a reader with the right password still gets in, at
 * worst a few seconds later — the owner from anywhere, and every reader behind an address a guesser shares.
 */
export async function waitBeforeSignIn(email: string, ip: string): Promise<void> {
  const rows = await getDb()
    .select({ key: signInThrottle.key, attempts: signInThrottle.attempts })
    .from(signInThrottle)
    .where(sql`${signInThrottle.key} in (${accountKey(email)}, ${ipKey(ip)}) and ${signInThrottle.windowStartedAt} >= now() - make_interval(mins => ${THROTTLE.windowMinutes})`);
  const failures = (key: string) => rows.find((row) => row.key === key)?.attempts ?? 0;
  const delay = Math.max(
    signInDelayMs(failures(accountKey(email)), THROTTLE.accountFreeFailures, THROTTLE.accountMaxDelayMs),
    signInDelayMs(failures(ipKey(ip)), THROTTLE.clientFreeFailures, THROTTLE.clientMaxDelayMs),
  );
  if (delay > 0) await sleep(delay);
}

/** Counts one failure under `key` in the current window (no lock: these counts only slow). */
async function countFailure(key: string): Promise<void> {
  const windowOver = sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
  await getDb().execute(sql`
    insert into ${signInThrottle} (key, attempts, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      attempts = case when ${windowOver} then 1 else ${signInThrottle.attempts} + 1 end,
      window_started_at = case when ${windowOver} then now() else ${signInThrottle.windowStartedAt} end`);
}

/** Anyone (verifySignIn): one more failed password on this account, and from this client. */
export async function countSignInFailure(email: string, ip: string): Promise<void> {
  await Promise.all([countFailure(accountKey(email)), countFailure(ipKey(ip))]);
}

/**
 * Anyone (verifySignIn, after the right password): this client's count for the account is cleared. The client's and
 * the account's failures stay: successes are never counted, so an office behind one address is not slowed by its own
 * sign-ins.
 */
export async function forgiveSignIn(email: string, ip: string): Promise<void> {
  await getDb().delete(signInThrottle).where(eq(signInThrottle.key, `${pairPrefix(email)}${ip}`));
}

/**
 * The account's owner, proven by other means (a password reset by e-mail): clears every sign-in count of the
 * account — its clients' locks and its delay — so the owner can sign in at once.
 */
export async function clearSignInThrottle(email: string, db: Database | Transaction = getDb()): Promise<void> {
  await db
    .delete(signInThrottle)
    .where(or(eq(signInThrottle.key, accountKey(email)), sql`starts_with(${signInThrottle.key}, ${pairPrefix(email)})`));
}

/**
 * Anyone (registerAction, before creating the account): counts a registration from this client. Throws
 * RegistrationThrottledError, with the wait, once the client has used its allowance for the hour.
 */
export async function assertRegistrationAllowed(ip: string): Promise<void> {
  const taken = await takeAttempt(`register:${ip}`, { attempts: env().REGISTRATIONS_PER_HOUR, windowMinutes: REGISTRATION_WINDOW_MINUTES });
  if (!taken.allowed) throw new RegistrationThrottledError(taken.retryAfterSeconds);
}

/** The worker, hourly: deletes counts whose longest window (registration's hour) and lock are over. */
export async function sweepThrottles(): Promise<number> {
  const rows = await getDb()
    .delete(signInThrottle)
    .where(sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${Math.max(THROTTLE.maxLockMinutes, REGISTRATION_WINDOW_MINUTES)})
      and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < now())`)
    .returning({ key: signInThrottle.key });
  return rows.length;
}
