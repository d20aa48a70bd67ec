import { env } from '@/lib/env';

/** Sign-in by e-mail link is offered only when outgoing mail really leaves the machine (SMTP_URL is set). */
export function isSignInLinkOffered(): boolean {
  return Boolean(env().SMTP_URL);
}
