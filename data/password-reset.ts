import 'server-only';

import { and, eq, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { resetPasswordMail } from '@/lib/mail/account-mail';
import { hashPassword } from '@/lib/passwords';

import { issueAccountToken, isAccountTokenUsable, spendAccountToken } from './account-tokens';
import { queueMail } from './mail-outbox';
import { throttleMailRequest } from './mail-request-throttle';
import { revokeAllUserSessions } from './sessions';
import { clearSignInThrottle } from './throttles';

/**
 * Anyone: asks for a password-reset link. The same outcome whether or not the address has an account (the message
 * is queued only when it has one); throws TooManyRequestsError once the address or the client asked too often.
 */
export async function requestPasswordReset(email: string, client: string): Promise<void> {
  const address = email.toLowerCase();
  await throttleMailRequest('reset', address, client);
  await getDb().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, address), isNull(users.disabledAt))).limit(1);
    if (!user) return;
    const { id, token } = await issueAccountToken(tx, user.id, 'reset_password');
    await queueMail(resetPasswordMail(id, address, token), tx);
  });
}

/** Anyone: whether a reset link can still be used (the page shows the form, or says the link is spent). */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  return getDb().transaction((tx) => isAccountTokenUsable(tx, 'reset_password', token));
}

/**
 * Anyone holding the link: sets the new password, spends the token, ends every session of the account and clears its
 * sign-in throttle (so a reset always works, even for an owner an attacker locked out). Throws AccountTokenError.
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(newPassword);
  return getDb().transaction(async (tx) => {
    const { userId } = await spendAccountToken(tx, 'reset_password', token);
    const [user] = await tx
      .update(users)
      // A reset proves the reader reads this address: it counts as verified from now on.
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerified: sql`coalesce(${users.emailVerified}, now())` })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    await revokeAllUserSessions(userId, tx);
    await clearSignInThrottle(user!.email, tx);
    return { email: user!.email };
  });
}
