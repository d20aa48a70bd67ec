import 'server-only';

import { eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { signInThrottle, users } from '@/db/schema';
import { EmailTakenError, WrongPasswordError } from '@/lib/errors';
import { decoyHash, hashPassword, verifyPassword } from '@/lib/passwords';
import type { UserRole } from '@/lib/roles';

/** Per key: this many attempts per window, then locked for a doubling time (1, 2, 4 … up to 60 minutes). */
export const THROTTLE = { accountAttempts: 5, ipAttempts: 30, windowMinutes: 15, maxLockMinutes: 60 } as const;

export type AccountUser = { id: string; name: string; email: string; role: UserRole; sessionVersion: number };

/**
 * Operators and tests: creates an account whose address counts as verified (whoever runs this vouches for it;
 * readers register through data/registration.ts). Throws EmailTakenError when the address is in use.
 */
export async function createAccount(input: { name: string; email: string; password: string; role?: UserRole }): Promise<AccountUser> {
  const passwordHash = await hashPassword(input.password);
  const rows = await getDb()
    .insert(users)
    .values({ name: input.name, email: input.email.toLowerCase(), passwordHash, role: input.role ?? 'reader', emailVerified: new Date() })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion });
  const user = rows[0];
  if (!user) throw new EmailTakenError();
  return user;
}

/**
 * Counts one attempt against `key` atomically and says whether it is allowed. The count is taken before the password
 * is checked, so a burst of parallel guesses is limited as strictly as a sequence. Other throttled requests (a
 * password reset) use it with keys of their own prefix.
 */
export async function takeAttempt(key: string, limit: number): Promise<boolean> {
  const { windowMinutes, maxLockMinutes } = THROTTLE;
  const [row] = await getDb().execute<{ attempts: number; locked: boolean }>(sql`
    insert into ${signInThrottle} (key, attempts, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      attempts = case when ${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${windowMinutes})
                        and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < now())
                      then 1 else ${signInThrottle.attempts} + 1 end,
      window_started_at = case when ${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${windowMinutes})
                                 and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < now())
                               then now() else ${signInThrottle.windowStartedAt} end,
      locked_until = case when ${signInThrottle.attempts} + 1 > ${limit}
                          then now() + make_interval(mins => least(${maxLockMinutes}, power(2, ${signInThrottle.attempts} + 1 - ${limit} - 1))::int)
                          else ${signInThrottle.lockedUntil} end
    returning attempts, (locked_until is not null and locked_until > now()) as locked`);
  return Boolean(row) && !row!.locked && row!.attempts <= limit;
}

export type SignInResult = { ok: true; user: AccountUser } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Anyone: checks an e-mail and password. The same answer ("invalid") and comparable time for an unknown address, a
 * wrong password and a disabled account; "throttled" once the account or the address has had too many attempts.
 */
export async function verifySignIn(email: string, password: string, ip: string): Promise<SignInResult> {
  const address = email.toLowerCase();
  const [accountAllowed, ipAllowed] = await Promise.all([
    takeAttempt(`account:${address}`, THROTTLE.accountAttempts),
    takeAttempt(`ip:${ip}`, THROTTLE.ipAttempts),
  ]);
  if (!accountAllowed || !ipAllowed) return { ok: false, reason: 'throttled' };

  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, address))
    .limit(1);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !matches || user.disabledAt) return { ok: false, reason: 'invalid' };

  // A good password clears the account's count and gives the address back the attempt it just used: an office
  // behind one address is never locked out by its own successful sign-ins, while failures still add up.
  await Promise.all([
    getDb().delete(signInThrottle).where(eq(signInThrottle.key, `account:${address}`)),
    getDb()
      .update(signInThrottle)
      .set({ attempts: sql`greatest(${signInThrottle.attempts} - 1, 0)` })
      .where(eq(signInThrottle.key, `ip:${ip}`)),
  ]);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}

/** Server-side only: the current state of a signed-in user, re-read on every request (role, ban, session version). */
export async function getAccountForSession(userId: string): Promise<(AccountUser & { disabled: boolean }) | null> {
  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;
  const { disabledAt, ...rest } = user;
  return { ...rest, disabled: disabledAt !== null };
}

/** The signed-in user only (their own id from the session): changes the display name. */
export async function updateDisplayName(userId: string, name: string): Promise<void> {
  await getDb().update(users).set({ name }).where(eq(users.id, userId));
}

/**
 * The signed-in user only: changes the password after checking the current one. Bumps the session version, which
 * signs out every other session (the caller signs this one in again). Throws WrongPasswordError.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<{ email: string }> {
  const [user] = await getDb().select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) throw new WrongPasswordError();
  const passwordHash = await hashPassword(newPassword);
  await getDb()
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  return { email: user.email };
}

/** The signed-in user (or, later, an admin): ends every session of this account at once, copied cookies included. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
