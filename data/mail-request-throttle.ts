import 'server-only';

import { TooManyRequestsError } from '@/lib/errors';

import { takeAttempt, THROTTLE } from './throttles';

/** Links by e-mail asked for (password reset, sign-in link): per address, whoever asks, and per client. */
export const MAIL_REQUEST_THROTTLE = { perAddress: 3, perClient: 20 } as const;

/**
 * Counts one request for a link of `kind` to `email` from `client` (in the throttle table, keys of their own prefix);
 * throws TooManyRequestsError, with the wait, once the address or the client asked too often. Counted whether or not
 * the address has an account, so the answer tells nothing.
 */
export async function throttleMailRequest(kind: 'reset' | 'signin-link', email: string, client: string): Promise<void> {
  const window = { windowMinutes: THROTTLE.windowMinutes };
  const taken = await Promise.all([
    takeAttempt(`${kind}:${email.toLowerCase()}`, { attempts: MAIL_REQUEST_THROTTLE.perAddress, ...window }),
    takeAttempt(`${kind}-client:${client}`, { attempts: MAIL_REQUEST_THROTTLE.perClient, ...window }),
  ]);
  const refused = taken.filter((attempt) => !attempt.allowed);
  if (refused.length > 0) throw new TooManyRequestsError(Math.max(1, Math.ceil(Math.max(...refused.map((attempt) => attempt.retryAfterSeconds)) / 60)));
}
