import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';

import { getDb, type Database, type Transaction } from '@/db/client';
import { userSessions, users } from '@/db/schema';

/**
 * Server-side sessions behind the JWT cookie. Each sign-in gets a random session id (the token's `sid` claim) and a
 * row in user_sessions; a token counts only while its row exists, is not revoked and has not expired, so signing out
 * ends the session everywhere a copy of the cookie went. Only the SHA-256 of the id is stored: a read of the table
 * alone names no usable session.
 */

/** How long a session lives from its sign-in (also the cookie's maxAge, set in auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The stored key of a session id. */
export function sessionKey(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url');
}

/**
 * Auth.js's sign-in callback only (any provider): starts a session for this user and returns its id and the
 * account's current session version, or null when there is no such user.
 */
export async function startSession(userId: string): Promise<{ sid: string; sessionVersion: number } | null> {
  const sid = randomBytes(32).toString('base64url');
  const [row] = await getDb().execute<{ session_version: number }>(sql`
    with started as (
      insert into ${userSessions} (id, user_id, expires_at)
      select ${sessionKey(sid)}, ${users.id}, now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS}) from ${users} where ${users.id} = ${userId}
      returning user_id
    )
    select ${users.sessionVersion} from ${users} join started on started.user_id = ${users.id}`);
  if (!row) return null;
  // The account's ended sessions go as a new one starts, so the table holds about one row per live session.
  await getDb()
    .delete(userSessions)
    .where(and(eq(userSessions.userId, userId), or(lt(userSessions.expiresAt, sql`now()`), isNotNull(userSessions.revokedAt))));
  return { sid, sessionVersion: row.session_version };
}

/** Auth.js's sign-out event only (the token being signed out): ends this one session. */
export async function revokeSession(sid: string): Promise<void> {
  await getDb()
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionKey(sid)), isNull(userSessions.revokedAt)));
}

/** The account's owner (sign out everywhere, a new password) or an admin: ends every session of the account. */
export async function revokeAllUserSessions(userId: string, db: Database | Transaction = getDb()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}
