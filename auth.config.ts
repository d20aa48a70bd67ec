import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js configuration with no database: pages and the session's shape. Credentials sign-in
 * requires JWT sessions; what the token says is only a claim — auth.ts's jwt callback and data/viewer.ts check its
 * session row and re-read the account on every request.
 */
export const authConfig = {
  // The site runs behind its own server (or a proxy that sets the Host header); SITE_URL is the public address.
  trustHost: true,
  pages: { signIn: '/login' },
  // The lifetime (maxAge) is set in auth.ts with the server-side session rows it must match (data/sessions.ts).
  session: { strategy: 'jwt' },
  providers: [],
  callbacks: {
    session({ session, token }) {
      return {
        ...session,
        uid: typeof token.uid === 'string' ? token.uid : undefined,
        sid: typeof token.sid === 'string' ? token.sid : undefined,
        sv: typeof token.sv === 'number' ? token.sv : undefined,
      };
    },
  },
} satisfies NextAuthConfig;
