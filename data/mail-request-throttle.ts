import 'server-only';

import { inArray, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { signInThrottle } from '@/db/schema';
import { TooManyRequestsError } from '@/lib/errors';

import { takeAttempt } from './accounts';

/** Links by e-mail asked for (password reset, sign-in link): per address, whoever asks, and per client. */
export const MAIL_REQUEST_THROTTLE = { perAddress: 3, perClient: 20 } as const;

/** How long the longer of the locks on `keys` still lasts, in whole minutes (at least one). */
async function minutesLocked(keys: string[]): Promise<number> {
  const [row] = await getDb()
    .select({ minutes: sql<number | null>`ceil(extract(epoch from max(${signInThrottle.lockedUntil}) - now()) / 60)::int` })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys));
  return Math.max(1, Number(row?.minutes ?? 1));
}

/**
 * Counts one request for a link of `kind` to `email` from `client` (in the sign-in throttle's table, keys of their
 * own prefix); throws TooManyRequestsError once the address or the client asked too often. Counted whether or not
 * the address has an account, so the answer tells nothing.
 */
export async function throttleMailRequest(kind: 'reset' | 'signin-link', email: string, client: string): Promise<void> {
  const keys = [`${kind}:${email.toLowerCase()}`, `${kind}-client:${client}`];
  const [addressAllowed, clientAllowed] = await Promise.all([takeAttempt(keys[0]!, MAIL_REQUEST_THROTTLE.perAddress), takeAttempt(keys[1]!, MAIL_REQUEST_THROTTLE.perClient)]);
  if (!addressAllowed || !clientAllowed) throw new TooManyRequestsError(await minutesLocked(keys));
}
