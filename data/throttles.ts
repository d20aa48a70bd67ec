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
 * Sign-in: `pairAttempts` per account and client, `ipAttempts` per client, per window, then locked for a doubling
 * time (1, 2, 4 … up to `maxLockMinutes`). After `accountFreeFailures` failures on an account from anywhere in a
 * window, each attempt on it waits `accountDelayStepMs` doubling per further failure, at most `accountMaxDelayMs`.
 */
export const THROTTLE = {
  pairAttempts: 5,
  ipAttempts: 30,
  windowMinutes: 15,
  maxLockMinutes: 60,
  accountFreeFailures: 10,
  accountDelayStepMs: 100,
  accountMaxDelayMs: 2_000,
} as const;

/** Registration: REGISTRATIONS_PER_HOUR attempts (default 5) per client address per hour. */
const REGISTRATION_WINDOW_MINUTES = 60;

export type Limit = { attempts: number; windowMinutes: number };
export type Taken = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` atomically and says whether it is allowed, and if not, how long until it would
 * be. The count is taken before the attempt is checked, so a burst of parallel attempts is limited as strictly as a
 * sequence. Once the window and any lock are over the key starts afresh (its lock too: the old count must not lock
 * it again). Every throttle of the site counts through it, each under keys of its own prefix.
 */
export async function takeAttempt(key: string, { attempts: limit, windowMinutes }: Limit): Promise<Taken> {
  const { maxLockMinutes } = THROTTLE;
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

/** Anyone (verifySignIn): counts a sign-in attempt for this account from this client; false when either is spent. */
export async function takeSignInAttempt(email: string, ip: string): Promise<boolean> {
  const window = { windowMinutes: THROTTLE.windowMinutes };
  const [pair, client] = await Promise.all([
    takeAttempt(`${pairPrefix(email)}${ip}`, { attempts: THROTTLE.pairAttempts, ...window }),
    takeAttempt(ipKey(ip), { attempts: THROTTLE.ipAttempts, ...window }),
  ]);
  return pair.allowed && client.allowed;
}

/** How long an attempt on an account with `failures` recent failures waits before its password is checked. */
export function accountDelayMs(failures: number): number {
  const { accountFreeFailures, accountDelayStepMs, accountMaxDelayMs } = THROTTLE;
  if (failures <= accountFreeFailures) return 0;
  return Math.min(accountMaxDelayMs, accountDelayStepMs * 2 ** Math.min(failures - accountFreeFailures - 1, 20));
}

/**
 * Anyone (verifySignIn): waits as long as the account's recent failures from all clients ask. A distributed guesser
 * is slowed on every attempt; the owner, from a client of their own, still gets in (a little later).
 */
export async function waitForAccount(email: string): Promise<void> {
  const [row] = await getDb()
    .select({ attempts: signInThrottle.attempts })
    .from(signInThrottle)
    .where(sql`${signInThrottle.key} = ${accountKey(email)} and ${signInThrottle.windowStartedAt} >= now() - make_interval(mins => ${THROTTLE.windowMinutes})`);
  const delay = accountDelayMs(row?.attempts ?? 0);
  if (delay > 0) await sleep(delay);
}

/** Anyone (verifySignIn): one more failed password on this account, from any client. */
export async function countAccountFailure(email: string): Promise<void> {
  const windowOver = sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
  await getDb().execute(sql`
    insert into ${signInThrottle} (key, attempts, window_started_at) values (${accountKey(email)}, 1, now())
    on conflict (key) do update set
      attempts = case when ${windowOver} then 1 else ${signInThrottle.attempts} + 1 end,
      window_started_at = case when ${windowOver} then now() else ${signInThrottle.windowStartedAt} end`);
}

/**
 * Anyone (verifySignIn, after the right password): this client's count for the account is cleared, and the client
 * gets back the attempt it just used, so an office behind one address is never locked out by its own successful
 * sign-ins while failures still add up.
 */
export async function forgiveSignIn(email: string, ip: string): Promise<void> {
  await Promise.all([
    getDb().delete(signInThrottle).where(eq(signInThrottle.key, `${pairPrefix(email)}${ip}`)),
    getDb()
      .update(signInThrottle)
      .set({ attempts: sql`greatest(${signInThrottle.attempts} - 1, 0)` })
      .where(eq(signInThrottle.key, ipKey(ip))),
  ]);
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
