import 'server-only';

import { cache } from 'react';

import { and, eq, gt, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { EmailTakenError, WrongPasswordError } from '@/lib/errors';
import { decoyHash, hashPassword, verifyPassword } from '@/lib/passwords';
import type { UserRole } from '@/lib/roles';

import { assertNameIsOwn } from './display-names';
import { revokeAllUserSessions, sessionKey } from './sessions';
import { countSignInFailure, forgiveSignIn, takeSignInAttempt, waitBeforeSignIn } from './throttles';

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

export type SignInResult = { ok: true; user: AccountUser } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Anyone: checks an e-mail and password. The same answer ("invalid") and comparable time for an unknown address, a
 * wrong password and a disabled account; "throttled" once this client has had too many attempts on the account or
 * on all accounts (data/throttles.ts). Failures from everywhere only slow the account down, so nobody can lock its
 * owner out.
 */
export async function verifySignIn(email: string, password: string, ip: string): Promise<SignInResult> {
  const address = email.toLowerCase();
  const attempt = await takeSignInAttempt(address, ip);
  if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  await waitBeforeSignIn(address, ip);

  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, address))
    .limit(1);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    await countSignInFailure(address, ip);
    return { ok: false, reason: 'invalid' };
  }
  await forgiveSignIn(address, ip);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}

/**
 * Server-side only: the current state of a signed-in user (role, ban, session version), re-read on every request,
 * and only while the token's session (data/sessions.ts) is live: not revoked, not expired. One query; memoised for
 * the request, so Auth.js's jwt callback and getViewer share it.
 */
export const getAccountForSession = cache(async (userId: string, sid: string): Promise<(AccountUser & { disabled: boolean }) | null> => {
  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion, disabledAt: users.disabledAt })
    .from(users)
    .innerJoin(
      userSessions,
      and(eq(userSessions.userId, users.id), eq(userSessions.id, sessionKey(sid)), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)),
    )
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;
  const { disabledAt, ...rest } = user;
  return { ...rest, disabled: disabledAt !== null };
});

/** What a session token claims: its user, its session id and the session version it was issued under. */
export type SessionClaims = { uid?: unknown; sid?: unknown; sv?: unknown };

/**
 * Server-side only (Auth.js's jwt callback, data/viewer.ts): the account a session token names while it may act —
 * its session live, the account enabled, its session version unchanged — otherwise null.
 */
export async function getAccountForClaims(claims: SessionClaims): Promise<AccountUser | null> {
  if (typeof claims.uid !== 'string' || typeof claims.sid !== 'string') return null;
  const account = await getAccountForSession(claims.uid, claims.sid);
  if (!account || account.disabled || account.sessionVersion !== claims.sv) return null;
  return { id: account.id, name: account.name, email: account.email, role: account.role, sessionVersion: account.sessionVersion };
}

/**
 * The signed-in user only (their own id from the session): changes the display name. Throws ImpersonatingNameError
 * for a name that would pass for the newsroom or another staff member.
 */
export async function updateDisplayName(userId: string, name: string): Promise<void> {
  await assertNameIsOwn(name, userId);
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
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await revokeAllUserSessions(userId, tx);
  });
  return { email: user.email };
}

/** The signed-in user (or, later, an admin): ends every session of this account at once, copied cookies included. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await revokeAllUserSessions(userId, tx);
  });
}
