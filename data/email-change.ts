import 'server-only';

import { and, eq, ne, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { EmailTakenError, WrongPasswordError } from '@/lib/errors';
import { addressChangeNoticeMail, addressInUseMail, confirmNewAddressMail } from '@/lib/mail/account-mail';
import { verifyPassword } from '@/lib/passwords';

import { issueAccountToken, spendAccountToken } from './account-tokens';
import { queueMail } from './mail-outbox';

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error;
  return typeof cause === 'object' && cause !== null && (cause as { code?: unknown }).code === '23505';
}

/**
 * The signed-in user only: asks to move their account to `newEmail`. Checks the current password; queues a confirm
 * link to the new address and a notice to the old one. The address changes only when the link is followed. When
 * another account already uses the new address its owner is told instead, and the caller gets the same answer (an
 * account's password would otherwise test which addresses have accounts). Throws WrongPasswordError.
 */
export async function requestEmailChange(userId: string, currentPassword: string, newEmail: string): Promise<void> {
  const address = newEmail.toLowerCase();
  const [user] = await getDb().select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) throw new WrongPasswordError();
  await getDb().transaction(async (tx) => {
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
    if (owner) {
      if (owner.id !== userId) await queueMail(addressInUseMail(owner.id, address), tx);
      return;
    }
    const { id, token } = await issueAccountToken(tx, userId, 'change_email', address);
    await queueMail([confirmNewAddressMail(id, address, token), addressChangeNoticeMail(id, user.email, address)], tx);
  });
}

/**
 * Anyone holding the link: moves the account to the confirmed address and marks it verified. Throws AccountTokenError,
 * or EmailTakenError when another account took the address meanwhile (nothing is written then, so the link still
 * works if the address becomes free again within its lifetime).
 */
export async function confirmEmailChange(token: string): Promise<{ email: string }> {
  return getDb().transaction(async (tx) => {
    const { userId, newEmail } = await spendAccountToken(tx, 'change_email', token);
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, newEmail!), ne(users.id, userId))).limit(1);
    if (taken) throw new EmailTakenError();
    try {
      await tx.update(users).set({ email: newEmail!, emailVerified: sql`now()` }).where(eq(users.id, userId));
    } catch (error) {
      // Another account took the address between the check and the write (the unique index said so).
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
    return { email: newEmail! };
  });
}
