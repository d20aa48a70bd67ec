import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js configuration with no database: pages and the JWT/session shape. Credentials sign-in
 * requires JWT sessions; what the token says is only a claim — data/viewer.ts re-reads the account on every request.
 */
export const authConfig = {
  // The site runs behind its own server (or a proxy that sets the Host header); SITE_URL is the public address.
  trustHost: true,
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: typeof token.uid === 'string' ? token.uid : undefined, sv: typeof token.sv === 'number' ? token.sv : undefined };
    },
  },
} satisfies NextAuthConfig;
