import 'server-only';

import { createHash } from 'node:crypto';

import { and, eq, isNull } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { signInLinkMail } from '@/lib/mail/account-mail';
import { absoluteUrl } from '@/lib/share';

import { queueMail } from './mail-outbox';

/**
 * Auth.js's e-mail provider, sendVerificationRequest: queues the sign-in link in the outbox (never sent inside the
 * request). Only an existing, enabled account gets one; the answer is the same either way, so the form tells nobody
 * which addresses have accounts (and no account is ever created by a link).
 */
export async function queueSignInLink(email: string, url: string, expires: Date): Promise<void> {
  const address = email.toLowerCase();
  const [user] = await getDb().select({ id: users.id }).from(users).where(and(eq(users.email, address), isNull(users.disabledAt))).limit(1);
  if (!user) return;
  // The key names the link without containing it: the outbox row is the only copy of the token in clear.
  const key = `signin-link:${createHash('sha256').update(url).digest('hex')}`;
  // Auth.js builds the link from the request's host; messages link to the site's public address.
  const { pathname, search } = new URL(url);
  await queueMail(signInLinkMail(key, address, absoluteUrl(env().SITE_URL, `${pathname}${search}`), expires));
}

/** Auth.js's signIn callback: whether an account may sign in with a link (it exists and is not disabled). */
export async function mayUseSignInLink(email: string): Promise<boolean> {
  const [user] = await getDb().select({ id: users.id }).from(users).where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt))).limit(1);
  return Boolean(user);
}
