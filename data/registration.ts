import 'server-only';

import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AccountTokenError } from '@/lib/errors';
import { registrationAttemptMail, verifyAddressMail } from '@/lib/mail/account-mail';
import { hashPassword } from '@/lib/passwords';

import { issueAccountToken, spendAccountToken } from './account-tokens';
import { queueMail } from './mail-outbox';

/**
 * Anyone: registers a reader, unverified, and queues the "confirm your address" message. When the address already
 * has an account nothing changes and its owner is told instead; the caller cannot tell the two cases apart (the
 * same answer, and the password is hashed either way so the time is the same).
 */
export async function registerAccount(input: { name: string; email: string; password: string }): Promise<void> {
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  await getDb().transaction(async (tx) => {
    const [created] = await tx.insert(users).values({ name: input.name, email, passwordHash, role: 'reader' }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    if (!created) {
      const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (owner) await queueMail(registrationAttemptMail(owner.id, email), tx);
      return;
    }
    const { id, token } = await issueAccountToken(tx, created.id, 'verify_email');
    await queueMail(verifyAddressMail(id, email, token), tx);
  });
}

/** The signed-in reader only: queues a new confirmation link when their address is still unverified (else nothing). */
export async function resendVerification(userId: string): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.emailVerified), isNotNull(users.passwordHash)))
      .for('update')
      .limit(1);
    if (!user) return false;
    const { id, token } = await issueAccountToken(tx, userId, 'verify_email');
    await queueMail(verifyAddressMail(id, user.email, token), tx);
    return true;
  });
}

/** Anyone holding the link: spends a verify_email token and marks the address verified. Throws AccountTokenError. */
export async function verifyEmailAddress(token: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { userId } = await spendAccountToken(tx, 'verify_email', token);
    const rows = await tx.update(users).set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` }).where(eq(users.id, userId)).returning({ id: users.id });
    if (rows.length === 0) throw new AccountTokenError();
  });
}

/**
 * The signed-in user only (their own id): their address, and whether it still has to be confirmed (accounts with a
 * password and no verified address; OAuth and e-mail-link accounts were vouched for by their provider).
 */
export async function getOwnAddress(userId: string): Promise<{ email: string; isAwaitingVerification: boolean } | null> {
  const [row] = await getDb().select({ email: users.email, emailVerified: users.emailVerified, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? { email: row.email, isAwaitingVerification: row.emailVerified === null && row.passwordHash !== null } : null;
}
