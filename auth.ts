import NextAuth, { AuthError, CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';

import { authConfig } from '@/auth.config';
import { getAccountForClaims, verifySignIn } from '@/data/accounts';
import { createAuthAdapter } from '@/data/auth-adapter';
import { revokeSession, SESSION_MAX_AGE_SECONDS, startSession } from '@/data/sessions';
import { mayUseSignInLink, queueSignInLink } from '@/data/sign-in-link';
import { authRedirect } from '@/lib/auth-redirect';
import { clientAddress } from '@/lib/client-address';
import { env } from '@/lib/env';
import { PasswordHashBusyError } from '@/lib/errors';
import { isSignInLinkOffered } from '@/lib/mail/offers';
import { signInSchema } from '@/lib/validation/auth';

/** Too many attempts on this account from this client: the sign-in form says so, with the real wait in minutes. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled-${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
  }
}

/** Too many sign-ins are being checked at this moment (lib/password-pool.ts): the form asks to try again shortly. */
export class BusySignIn extends CredentialsSignin {
  code = 'busy';
}

/** How long a sign-in link works. */
const SIGN_IN_LINK_MINUTES = 15;

/**
 * Sign in by e-mail link, offered only when outgoing mail is configured (SMTP_URL). Auth.js keeps the hashed token in
 * the adapter's verificationTokens table; the message goes through the outbox, never from inside the request.
 */
function emailLinkProviders() {
  if (!isSignInLinkOffered()) return [];
  return [
    {
      id: 'email',
      type: 'email' as const,
      name: 'E-mail link',
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      options: {},
      sendVerificationRequest: ({ identifier, url, expires }: { identifier: string; url: string; expires: Date }) => queueSignInLink(identifier, url, expires),
    },
  ];
}

function oauthProviders() {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET, AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = env();
  return [
    ...(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET ? [GitHub({ clientId: AUTH_GITHUB_ID, clientSecret: AUTH_GITHUB_SECRET })] : []),
    ...(AUTH_GOOGLE_ID && AUTH_GOOGLE_SECRET ? [Google({ clientId: AUTH_GOOGLE_ID, clientSecret: AUTH_GOOGLE_SECRET })] : []),
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  logger: {
    // A wrong password, a spent sign-in link or a link for a disabled account are everyday answers, not server
    // faults: no stack trace in the log for them.
    error(error) {
      if (error instanceof CredentialsSignin || (error instanceof AuthError && (error.type === 'Verification' || error.type === 'AccessDenied'))) return;
      console.error(error);
    },
  },
  session: { ...authConfig.session, maxAge: SESSION_MAX_AGE_SECONDS },
  callbacks: {
    ...authConfig.callbacks,
    /**
     * At sign-in (any provider) a server-side session starts and its id becomes the token's `sid`. On every later
     * read (auth(), /api/auth/session) a token whose session ended — signed out, revoked, expired, account disabled —
     * gets null, which makes Auth.js answer "no session" and clear the cookie instead of issuing it again.
     */
    async jwt({ token, user }) {
      if (user?.id) {
        const session = await startSession(user.id);
        return session ? { ...token, uid: user.id, sid: session.sid, sv: session.sessionVersion } : null;
      }
      return (await getAccountForClaims({ uid: token.uid, sid: token.sid, sv: token.sv })) ? token : null;
    },
    // After signing in or out: the site's public address, never Next's own listener (lib/auth-redirect.ts).
    redirect({ url, baseUrl }) {
      return authRedirect(url, baseUrl, env().SITE_URL);
    },
    // A sign-in link signs in an existing, enabled account only. Asking for one is always accepted (the same answer
    // for every address); queueSignInLink queues a message only for such an account.
    async signIn({ account, user, email }) {
      if (account?.type !== 'email' || email?.verificationRequest) return true;
      return typeof user.email === 'string' && (await mayUseSignInLink(user.email));
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(sid);
    },
  },
  adapter: createAuthAdapter(),
  // A spent or expired sign-in link comes back to the sign-in page, which says so.
  pages: { ...authConfig.pages, error: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await verifySignIn(parsed.data.email, parsed.data.password, clientAddress(request.headers)).catch((error: unknown) => {
          throw error instanceof PasswordHashBusyError ? new BusySignIn() : error;
        });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new ThrottledSignIn(result.retryAfterSeconds);
          return null;
        }
        return { id: result.user.id, name: result.user.name, email: result.user.email };
      },
    }),
    ...emailLinkProviders(),
    ...oauthProviders(),
  ],
}));

/**
 * Signs in with e-mail and password and redirects to `redirectTo` (Next's redirect is thrown, and must propagate),
 * or says why not. Keeps Auth.js's error types inside this file.
 */
export type SignInFailure = { reason: 'invalid' | 'busy' } | { reason: 'throttled'; retryAfterMinutes: number };

export async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<SignInFailure> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error.type === 'CredentialsSignin' ? (error as CredentialsSignin).code : '';
      const throttled = /^throttled-(\d+)$/.exec(code);
      if (throttled) return { reason: 'throttled', retryAfterMinutes: Number(throttled[1]) };
      return { reason: code === 'busy' ? 'busy' : 'invalid' };
    }
    throw error;
  }
  return { reason: 'invalid' };
}

/**
 * Asks Auth.js for a sign-in link to `email` (queued in the outbox); returns once it is queued, or at once for an
 * address without an account. Keeps Auth.js's calls inside this file.
 */
export async function requestSignInLink(email: string, redirectTo: string): Promise<void> {
  await signIn('email', { email, redirectTo, redirect: false });
}
