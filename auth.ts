import NextAuth, { AuthError, CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';

import { authConfig } from '@/auth.config';
import { getAccountForClaims, verifySignIn } from '@/data/accounts';
import { createAuthAdapter } from '@/data/auth-adapter';
import { revokeSession, SESSION_MAX_AGE_SECONDS, startSession } from '@/data/sessions';
import { clientAddress } from '@/lib/client-address';
import { env } from '@/lib/env';
import { PasswordHashBusyError } from '@/lib/errors';
import { signInSchema } from '@/lib/validation/auth';

/** Too many attempts for this account or address: the sign-in form says so (and nothing else). */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

/** Too many sign-ins are being checked at this moment (lib/password-pool.ts): the form asks to try again shortly. */
export class BusySignIn extends CredentialsSignin {
  code = 'busy';
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
    // A wrong password is an everyday answer, not a server fault: no stack trace in the log for it.
    error(error) {
      if (error instanceof CredentialsSignin) return;
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
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(sid);
    },
  },
  adapter: createAuthAdapter(),
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
          if (result.reason === 'throttled') throw new ThrottledSignIn();
          return null;
        }
        return { id: result.user.id, name: result.user.name, email: result.user.email };
      },
    }),
    ...oauthProviders(),
  ],
}));

/**
 * Signs in with e-mail and password and redirects to `redirectTo` (Next's redirect is thrown, and must propagate),
 * or says why not. Keeps Auth.js's error types inside this file.
 */
export async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<'invalid' | 'throttled' | 'busy'> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error.type === 'CredentialsSignin' ? (error as CredentialsSignin).code : null;
      return code === 'throttled' || code === 'busy' ? code : 'invalid';
    }
    throw error;
  }
  return 'invalid';
}
